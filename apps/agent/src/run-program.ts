import { spawn } from 'node:child_process';

/** What a program did: its exit code (null when killed or never started), its capped output, and whether time ran out. */
export interface ProgramResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Why it could not start (not found, not executable), else null. */
  startError: string | null;
  durationMs: number;
}

/** How long a program may run and how much of its output is kept (the rest is read and dropped, never buffered). */
export interface RunOptions {
  timeoutMs: number;
  maxOutputChars: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs a program from its argv, never through a shell (a check's arguments cannot inject commands), killed with
 * SIGKILL when its time is up, its output capped so a runaway plugin cannot fill the agent's memory.
 */
export function runProgram(argv: readonly string[], options: RunOptions): Promise<ProgramResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const [file, ...args] = argv;
    if (!file) {
      resolve({ exitCode: null, stdout: '', stderr: '', timedOut: false, startError: 'empty command', durationMs: 0 });
      return;
    }
    const child = spawn(file, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin', LC_ALL: 'C' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let startError: string | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < options.maxOutputChars) stdout += chunk.slice(0, options.maxOutputChars - stdout.length);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < options.maxOutputChars) stderr += chunk.slice(0, options.maxOutputChars - stderr.length);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      startError = error.code === 'ENOENT' ? `${file}: not found` : `${file}: ${error.code ?? error.message}`;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        exitCode: timedOut || startError ? null : code,
        stdout,
        stderr,
        timedOut,
        startError,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}
