import { resolve } from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number({ error: 'must be a port number (0 to 65535)' }).int().min(0).max(65_535);
const OnOff = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'].includes(v), 'must be on or off')
  .transform((v) => ['on', 'true', '1', 'yes'].includes(v));

/** Every environment variable Vigie reads, with its default; the README documents the same list. */
const EnvSchema = z.object({
  VIGIE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave unset for the embedded SQLite)')
    .optional(),
  VIGIE_HTTP_PORT: Port.optional(),
  PORT: Port.optional(),
  VIGIE_HTTP_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIE_PUBLIC_URL: z.url().optional(),
  VIGIE_SMTP_PORT: Port.default(2525),
  VIGIE_SMTP_HOST: z.string().min(1).default('0.0.0.0'),
  VIGIE_SUPPORT_ADDRESS: z.email().default('support@vigie.local'),
  VIGIE_MAIL_MAX_MB: z.coerce.number().min(0.1).max(100).default(25),
  VIGIE_SMTP_RELAY_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must look like smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  VIGIE_IMAP_URL: z
    .string()
    .regex(/^imaps?:\/\//, 'must look like imaps://user:password@host:993/INBOX')
    .optional(),
  VIGIE_IMAP_INTERVAL_SECONDS: z.coerce.number().min(5).max(3600).default(60),
  VIGIE_MAIL_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(5),
  VIGIE_DEMO: OnOff.default(true),
  VIGIE_ADMIN_EMAIL: z.email().default('admin@vigie.local'),
  VIGIE_ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  VIGIE_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  VIGIE_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  VIGIE_LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  VIGIE_BODY_LIMIT_MB: z.coerce.number().min(0.1).max(100).default(1),
  VIGIE_IMPORT_LIMIT_MB: z.coerce.number().min(1).max(500).default(20),
  VIGIE_TRUST_PROXY: OnOff.default(false),
  VIGIE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIE_WEB_DIR: z.string().optional(),
  VIGIE_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  VIGIE_JOB_INTERVAL_SECONDS: z.coerce.number().min(1).max(3600).default(15),
  VIGIE_AUTO_CLOSE_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  VIGIE_AGENT_METRICS_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  VIGIE_AGENT_OFFLINE_SECONDS: z.coerce.number().int().min(30).max(86400).default(300),
  VIGIE_ALERT_REOPEN_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(240),
  VIGIE_DEMO_AGENT: OnOff.default(true),
});

export interface Config {
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  http: {
    host: string;
    port: number;
    publicUrl: string | null;
    trustProxy: boolean;
    bodyLimitBytes: number;
    importLimitBytes: number;
  };
  smtpPort: number;
  /** The helpdesk's mail: intake (SMTP listener, IMAP poller) and outbound (relay, outbox). */
  mail: {
    smtpHost: string;
    /** The address people write to; replies and notifications come from it. */
    supportAddress: string;
    maxMessageBytes: number;
    /** Unset: outbound mail stays in the outbox as "held" (visible in the mail log), nothing leaves the machine. */
    relayUrl: string | null;
    imapUrl: string | null;
    imapIntervalMs: number;
    /** How often the outbox is looked at (it is also woken right after a change that calls for mail). */
    outboxIntervalMs: number;
  };
  demo: boolean;
  admin: { email: string; password: string | null };
  auth: { sessionHours: number; maxFailures: number; lockMinutes: number };
  logLevel: z.infer<typeof EnvSchema>['VIGIE_LOG_LEVEL'];
  /** When set, /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  webDir: string;
  /** SLA milestones and auto-close: how often the scheduler looks, and after how many business days a resolved ticket closes. */
  jobs: { intervalMs: number; autoCloseBusinessDays: number };
  /** Supervision: how often agents measure, when a silent one is offline, how long a recovered alert may reopen its ticket. */
  monitoring: { agentMetricsSeconds: number; agentOfflineSeconds: number; reopenMinutes: number; demoAgent: boolean };
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {}

/** Reads the environment once into a typed object; refuses to go on with a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.VIGIE_DATA_DIR);
  const mb = 1024 * 1024;
  return {
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'vigie.sqlite') },
    http: {
      host: e.VIGIE_HTTP_HOST,
      port: e.VIGIE_HTTP_PORT ?? e.PORT ?? 8080,
      publicUrl: e.VIGIE_PUBLIC_URL ?? null,
      trustProxy: e.VIGIE_TRUST_PROXY,
      bodyLimitBytes: Math.round(e.VIGIE_BODY_LIMIT_MB * mb),
      importLimitBytes: Math.round(e.VIGIE_IMPORT_LIMIT_MB * mb),
    },
    smtpPort: e.VIGIE_SMTP_PORT,
    mail: {
      smtpHost: e.VIGIE_SMTP_HOST,
      supportAddress: e.VIGIE_SUPPORT_ADDRESS.toLowerCase(),
      maxMessageBytes: Math.round(e.VIGIE_MAIL_MAX_MB * mb),
      relayUrl: e.VIGIE_SMTP_RELAY_URL ?? null,
      imapUrl: e.VIGIE_IMAP_URL ?? null,
      imapIntervalMs: e.VIGIE_IMAP_INTERVAL_SECONDS * 1000,
      outboxIntervalMs: e.VIGIE_MAIL_INTERVAL_SECONDS * 1000,
    },
    demo: e.VIGIE_DEMO,
    admin: { email: e.VIGIE_ADMIN_EMAIL.toLowerCase(), password: e.VIGIE_ADMIN_PASSWORD ?? null },
    auth: {
      sessionHours: e.VIGIE_SESSION_HOURS,
      maxFailures: e.VIGIE_LOGIN_MAX_FAILURES,
      lockMinutes: e.VIGIE_LOGIN_LOCK_MINUTES,
    },
    logLevel: e.VIGIE_LOG_LEVEL,
    metricsToken: e.VIGIE_METRICS_TOKEN ?? null,
    webDir: resolve(e.VIGIE_WEB_DIR ?? new URL('../../web/dist', import.meta.url).pathname),
    jobs: { intervalMs: e.VIGIE_JOB_INTERVAL_SECONDS * 1000, autoCloseBusinessDays: e.VIGIE_AUTO_CLOSE_DAYS },
    monitoring: {
      agentMetricsSeconds: e.VIGIE_AGENT_METRICS_SECONDS,
      agentOfflineSeconds: e.VIGIE_AGENT_OFFLINE_SECONDS,
      reopenMinutes: e.VIGIE_ALERT_REOPEN_MINUTES,
      demoAgent: e.VIGIE_DEMO_AGENT,
    },
  };
}
