import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CreateUser } from '@vigie/contracts';
import { progressBar } from './cli/progress.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { systemCtx } from './core/actor.js';
import { systemClock } from './core/clock.js';
import { AppError } from './core/errors.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { loadDemo } from './demo/load-demo.js';
import { buildServices } from './http/services.js';
import { startServer } from './main.js';
import { generatePassword } from './modules/identity/secrets.js';

const HELP = `vigie — the desk of IT managed-service providers

Usage:
  vigie start                      migrate, then serve the console and the API (loads the demo on a new database)
  vigie migrate                    bring the database schema up to date
  vigie admin create --email E [--name N] [--password P]
                                   create an administrator (a password is generated and printed if omitted)
  vigie demo                       load the demo provider (three clients, sites, contacts, contracts, ~60 assets)
  vigie import assets|contacts --client CODE FILE [--dry-run] [--encoding windows-1252]
                                   import a CSV into a client; a dry run lists every bad row and writes nothing
  vigie --help                     this help

Configuration comes from the environment (VIGIE_DATA_DIR, DATABASE_URL, VIGIE_HTTP_PORT, …); see the README.`;

async function withServices<T>(
  config: Config,
  work: (services: ReturnType<typeof buildServices>) => Promise<T>,
): Promise<T> {
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    return await work(buildServices(db, systemClock, config.auth));
  } finally {
    await db.destroy();
  }
}

async function start(config: Config): Promise<void> {
  const startedAt = performance.now();
  const running = await startServer(config);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const lines = [``, `  Vigie is running at ${running.url}  (ready in ${seconds} s, ${config.database.kind})`];
  if (running.firstAdmin) {
    lines.push(`  First administrator: ${running.firstAdmin.email}`);
    lines.push(
      running.firstAdmin.generated
        ? `  Password (shown once, change it after signing in): ${running.firstAdmin.password}`
        : '  Password: the one given in VIGIE_ADMIN_PASSWORD',
    );
  }
  if (running.demoLoaded)
    lines.push('  Demo provider loaded: three clients with sites, contacts, contracts, assets and tickets.');
  const demo = running.demoSupervision?.summary;
  if (demo) {
    const agent = demo.agent ? `local agent reporting every ${demo.agent.metricsSeconds} s, ` : '';
    const agentChecks = demo.agentChecks && demo.agent ? ` + ${demo.agentChecks} on the agent` : '';
    const min = (seconds: number) => `${Math.round(seconds / 6) / 10} min`;
    const outage = demo.demoService
      ? `; a demo service goes down at +${min(demo.demoService.upSeconds)}, back at +${min(demo.demoService.upSeconds + demo.demoService.downSeconds)}`
      : '';
    lines.push(
      `  Supervision: ${agent}${demo.serverChecks} server checks${agentChecks}${outage} — see ${running.url}/monitoring`,
    );
  }
  lines.push(
    running.intake.smtpPort === null
      ? '  Mail intake: SMTP off (VIGIE_SMTP_PORT=0)'
      : `  Mail intake: SMTP on port ${running.intake.smtpPort}, for ${config.mail.supportAddress}`,
    config.mail.relayUrl
      ? `  Outbound mail: through ${new URL(config.mail.relayUrl).host}`
      : '  Outbound mail: kept in the outbox (/mail/outbox) until VIGIE_SMTP_RELAY_URL names a relay',
  );
  process.stdout.write(`${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    running.app.log.info({ signal }, 'shutting down');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function adminCreate(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email) throw new AppError(400, 'usage', 'vigie admin create needs --email');
  const password = values.password ?? generatePassword();
  // The same rules as the API: a real e-mail address, a password of 12 characters or more.
  const parsed = CreateUser.safeParse({
    email: values.email,
    name: values.name ?? 'Administrator',
    role: 'admin',
    password,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new AppError(400, 'usage', problems.join('\n'));
  }
  await withServices(config, async (services) => {
    const user = await services.users.create(systemCtx, parsed.data);
    process.stdout.write(
      `Administrator ${user.email} created.${values.password ? '' : `\nPassword (shown once): ${password}`}\n`,
    );
  });
}

async function importCsv(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { client: { type: 'string' }, 'dry-run': { type: 'boolean' }, encoding: { type: 'string' } },
  });
  const [kind, file] = positionals;
  if ((kind !== 'assets' && kind !== 'contacts') || !file || !values.client) {
    throw new AppError(400, 'usage', 'usage: vigie import assets|contacts --client CODE FILE [--dry-run]');
  }
  const encoding = values.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8';
  const bytes = readFileSync(file);
  await withServices(config, async (services) => {
    const clientId = await services.clients.idByCode(values.client ?? '');
    if (!clientId) throw new AppError(404, 'not_found', `No client with code ${values.client}`);
    const options = { dryRun: values['dry-run'] === true, encoding, onProgress: progressBar(process.stderr) } as const;
    const report =
      kind === 'assets'
        ? await services.imports.importAssets(systemCtx, clientId, bytes, options)
        : await services.imports.importContacts(systemCtx, clientId, bytes, options);
    for (const p of report.problems)
      process.stdout.write(`line ${p.line}${p.column ? ` [${p.column}]` : ''}: ${p.message}\n`);
    const verdict = report.dryRun
      ? `${report.rows} rows checked, ${report.problems.length} problem(s); nothing written (dry run)`
      : `${report.imported} ${kind} imported`;
    process.stdout.write(`${verdict}\n`);
    if (report.problems.length > 0) process.exitCode = 1;
  });
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate': {
      const db = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(db);
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The schema is up to date.\n');
      } finally {
        await db.destroy();
      }
      return;
    }
    case 'admin':
      if (rest[0] !== 'create')
        throw new AppError(400, 'usage', 'usage: vigie admin create --email E [--name N] [--password P]');
      return adminCreate(config, rest.slice(1));
    case 'demo':
      return withServices(config, async (services) => {
        const loaded = await loadDemo(services);
        process.stdout.write(loaded ? 'Demo provider loaded.\n' : 'The demo provider is already there.\n');
      });
    case 'import':
      return importCsv(config, rest);
    default:
      throw new AppError(400, 'usage', `Unknown command "${command}". Run vigie --help.`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else if (error instanceof AppError) {
    process.stderr.write(`${error.message}\n`);
    const details = error.details;
    if (Array.isArray(details)) for (const d of details.slice(0, 50)) process.stderr.write(`  ${JSON.stringify(d)}\n`);
  } else process.stderr.write(`vigie: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
});
