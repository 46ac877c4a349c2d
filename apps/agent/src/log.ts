/**
 * The agent's log: one line per event on stdout (info) or stderr (warnings, errors), which systemd's journal keeps.
 * No stack traces: the line says what failed and what the agent does about it.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Lines prefixed with the time and the level, so `journalctl -u vigie-agent` and a terminal read the same. */
export const consoleLog: Log = {
  info: (message) => process.stdout.write(`${new Date().toISOString()} info ${message}\n`),
  warn: (message) => process.stderr.write(`${new Date().toISOString()} warn ${message}\n`),
  error: (message) => process.stderr.write(`${new Date().toISOString()} error ${message}\n`),
};

/** A log that keeps its lines, for tests. */
export function memoryLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

/** The message of anything thrown, without its stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
