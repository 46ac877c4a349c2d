import { parseArgs } from 'node:util';
import { EXIT_NOT_AUTHORIZED, runDaemon } from './daemon.js';
import { EnrollError, enroll } from './enroll.js';
import { consoleLog, describeError } from './log.js';
import { DEFAULT_QUEUE_LIMITS } from './queue.js';
import { NotEnrolledError, resolveStateDir } from './state.js';
import { statusReport } from './status.js';
import { AGENT_VERSION } from './version.js';

/** The text of `vigie-agent --help`: every command, option, variable and exit code. */
export const HELP = `vigie-agent ${AGENT_VERSION} — reports this machine to a Vigie server

Usage:
  vigie-agent enroll --server URL --token TOKEN [--state-dir DIR] [--force]
      Trade a one-time enrollment token (from the console) for this agent's own credential.
  vigie-agent run [--state-dir DIR] [--verbose] [--metrics-seconds N] [--plugin-seconds N]
      The daemon: metrics, services, inventory, pending updates and plugins on the server's schedule,
      queued on disk and sent in order (systemd runs it: vigie-agent.service).
  vigie-agent status [--state-dir DIR]
      Which server and agent this is, and what waits in the queue.
  vigie-agent --help | --version

Options:
  --state-dir DIR        credential (mode 0600), agent.json and the queue; default $VIGIE_AGENT_STATE_DIR,
                         else /var/lib/vigie-agent
  --verbose              log every batch queued and sent
  --metrics-seconds N    measure every N seconds instead of the server's interval (tests, demos)
  --plugin-seconds N     run every plugin every N seconds instead of its own interval (tests, demos)
  --queue-max-mb N       bound of the on-disk queue in megabytes (default 100)
  --queue-max-batches N  bound of the on-disk queue in batches (default 20000)

Exit codes: 0 done, 1 failed, 2 bad arguments, 69 server unreachable, 77 token refused,
78 not enrolled or credential revoked (systemd does not restart the agent then).
`;

class UsageError extends Error {}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new UsageError(`${flag} must be a positive number (got "${value}")`);
  return parsed;
}

/** Runs one command line and returns the exit code; every failure is one clear line on stderr, never a stack. */
export async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`vigie-agent: ${describeError(error)}\nTry vigie-agent --help\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${AGENT_VERSION}\n`);
    return 0;
  }
  const command = positionals[0];
  const stateDir = resolveStateDir(values['state-dir']);
  try {
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    switch (command) {
      case 'enroll': {
        if (!values.server) throw new UsageError('enroll needs --server URL (the address of your Vigie server)');
        if (!values.token)
          throw new UsageError('enroll needs --token TOKEN (created on the console’s enrollment page)');
        await enroll({
          server: values.server,
          token: values.token,
          stateDir,
          log: consoleLog,
          force: values.force ?? false,
        });
        return 0;
      }
      case 'run': {
        const stop = new Promise<void>((resolve) => {
          process.once('SIGTERM', () => resolve());
          process.once('SIGINT', () => resolve());
        });
        const megabytes = positiveNumber(values['queue-max-mb'], '--queue-max-mb');
        const maxBatches = positiveNumber(values['queue-max-batches'], '--queue-max-batches');
        return await runDaemon({
          stateDir,
          log: consoleLog,
          verbose: values.verbose ?? false,
          metricsSeconds: positiveNumber(values['metrics-seconds'], '--metrics-seconds'),
          pluginSeconds: positiveNumber(values['plugin-seconds'], '--plugin-seconds'),
          limits: {
            maxBytes: megabytes ? Math.round(megabytes * 1024 * 1024) : DEFAULT_QUEUE_LIMITS.maxBytes,
            maxBatches: maxBatches ? Math.round(maxBatches) : DEFAULT_QUEUE_LIMITS.maxBatches,
          },
          stopSignal: stop,
        });
      }
      case 'status':
        process.stdout.write(`${statusReport(stateDir).join('\n')}\n`);
        return 0;
      case undefined:
        throw new UsageError('a command is needed: enroll, run or status');
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`vigie-agent: ${error.message}\nTry vigie-agent --help\n`);
      return 2;
    }
    if (error instanceof EnrollError) {
      process.stderr.write(`vigie-agent: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof NotEnrolledError) {
      process.stderr.write(`vigie-agent: ${error.message}\n`);
      return EXIT_NOT_AUTHORIZED;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      process.stderr.write(`vigie-agent: permission denied on ${stateDir} (run as root, or pass --state-dir)\n`);
      return 1;
    }
    process.stderr.write(`vigie-agent: ${describeError(error)}\n`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      server: { type: 'string' },
      token: { type: 'string' },
      'state-dir': { type: 'string' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
      'metrics-seconds': { type: 'string' },
      'plugin-seconds': { type: 'string' },
      'queue-max-mb': { type: 'string' },
      'queue-max-batches': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}
