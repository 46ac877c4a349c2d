import { z } from 'zod';
import { Id, IsoInstant } from './common.js';

/**
 * The protocol between `vigie-agent` and the server (DOMAIN §6). The agent enrolls once with an expiring per-client
 * token and receives its own credential (the server keeps only its hash); every other call carries it as
 * `Authorization: Bearer <credential>`. Results travel in numbered batches: the server commits a batch, then answers
 * with its sequence number; a batch whose number is not above the last committed one is a replay, acknowledged again
 * and never counted twice. The agent sends batches in order and keeps them on disk until acknowledged.
 */
export const AGENT_BATCH_MAX_ITEMS = 5000;
export const AGENT_BATCH_MAX_BYTES = 4 * 1024 * 1024;

const Text = (max: number) => z.string().max(max);

export const AgentOs = z.object({
  name: Text(200).describe('e.g. "Debian GNU/Linux 12 (bookworm)"'),
  id: Text(50).optional().describe('os-release ID: debian, ubuntu, rhel…'),
  version: Text(50).optional(),
  kernel: Text(200).optional(),
  arch: Text(50).optional(),
});
export type AgentOs = z.infer<typeof AgentOs>;

export const EnrollRequest = z.object({
  token: Text(200).min(10),
  hostname: Text(255).min(1),
  os: AgentOs,
  agentVersion: Text(50),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

/** A Nagios-compatible plugin the agent runs: argv (no shell), every `intervalSeconds`, killed after `timeoutSeconds`. */
export const AgentPluginConfig = z.object({
  checkId: Id,
  name: z.string(),
  command: z.array(z.string()).min(1),
  intervalSeconds: z.number().int().positive(),
  timeoutSeconds: z.number().int().positive(),
});
export type AgentPluginConfig = z.infer<typeof AgentPluginConfig>;

/** What the server pushes: how often to measure, which plugins to run, which systemd services to report. */
export const AgentConfig = z.object({
  version: z.number().int(),
  metricsSeconds: z.number().int().positive(),
  inventoryHours: z.number().positive(),
  updatesHours: z.number().positive(),
  /** systemd units whose state becomes a check (`nginx.service`…); failed units are reported anyway. */
  services: z.array(z.string()),
  plugins: z.array(AgentPluginConfig),
  /** The server asks the agent to change its credential (POST /agent/rotate). */
  rotateCredential: z.boolean(),
});
export type AgentConfig = z.infer<typeof AgentConfig>;

export const EnrollResponse = z.object({
  agentId: Id,
  assetId: Id,
  credential: z.string(),
  config: AgentConfig,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

export const RotateResponse = z.object({ credential: z.string() });

const Finite = z.number().finite();

/** One measurement: `name` from the agent's vocabulary (cpu.percent, memory.used_percent, disk.used_percent…). */
export const MetricValue = z.object({
  name: Text(100).regex(/^[a-z0-9_.]+$/, 'lower-case letters, digits, _ and .'),
  /** What the value is about when there are several: a mount point, an interface. */
  instance: Text(200).optional(),
  value: Finite,
  unit: Text(20).optional(),
});

export const MetricsItem = z.object({
  type: z.literal('metrics'),
  at: IsoInstant,
  values: z.array(MetricValue).max(500),
});

/** A plugin's run: its exit code (null when it was killed or could not start) and raw output (text|perfdata). */
export const PluginResultItem = z.object({
  type: z.literal('check'),
  checkId: Id,
  at: IsoInstant,
  exitCode: z.number().int().nullable(),
  output: Text(8000),
  durationMs: z.number().nonnegative(),
});

export const ServiceState = z.object({
  name: Text(255),
  /** systemd ActiveState: active, inactive, failed, activating… */
  active: Text(50),
  sub: Text(50),
});
export const ServicesItem = z.object({
  type: z.literal('services'),
  at: IsoInstant,
  units: z.array(ServiceState).max(2000),
});

export const InstalledPackage = z.object({ name: Text(255), version: Text(255), arch: Text(50) });
export const InventoryItem = z.object({
  type: z.literal('inventory'),
  at: IsoInstant,
  os: AgentOs,
  hardware: z.object({
    cpuModel: Text(255).optional(),
    cpus: z.number().int().nonnegative().optional(),
    memoryBytes: z.number().nonnegative().optional(),
    vendor: Text(255).optional(),
    product: Text(255).optional(),
    serial: Text(255).optional(),
    disks: z
      .array(z.object({ mount: Text(500), device: Text(500).optional(), sizeBytes: z.number().nonnegative() }))
      .max(200),
    interfaces: z
      .array(z.object({ name: Text(100), mac: Text(50).optional(), addresses: z.array(Text(100)).max(50) }))
      .max(100),
  }),
  /** dpkg or rpm; null when neither is there. */
  packageManager: z.enum(['dpkg', 'rpm']).nullable(),
  packages: z.array(InstalledPackage).max(20000),
});

export const PendingUpdate = z.object({
  name: Text(255),
  currentVersion: Text(255).nullable(),
  candidateVersion: Text(255),
  security: z.boolean(),
});
export const UpdatesItem = z.object({
  type: z.literal('updates'),
  at: IsoInstant,
  manager: z.enum(['apt', 'dnf']).nullable(),
  updates: z.array(PendingUpdate).max(20000),
});

export const BatchItem = z.discriminatedUnion('type', [
  MetricsItem,
  PluginResultItem,
  ServicesItem,
  InventoryItem,
  UpdatesItem,
]);
export type BatchItem = z.infer<typeof BatchItem>;

export const AgentBatch = z.object({
  /** Strictly increasing per agent, from 1. */
  seq: z.number().int().positive(),
  /** The agent's clock when it sent: the server corrects item times by the skew it sees. */
  sentAt: IsoInstant,
  agentVersion: Text(50).optional(),
  items: z.array(BatchItem).max(AGENT_BATCH_MAX_ITEMS),
});
export type AgentBatch = z.infer<typeof AgentBatch>;

export const BatchAck = z.object({
  /** The batch committed (or already committed: `duplicate`). */
  acknowledged: z.number().int(),
  duplicate: z.boolean(),
  /** When it differs from the agent's, the agent fetches GET /agent/config. */
  configVersion: z.number().int(),
  accepted: z.number().int().describe('items stored'),
  rejected: z
    .array(z.object({ index: z.number().int(), reason: z.string() }))
    .describe('items refused one by one (an unknown check, say); the rest of the batch is kept'),
});
export type BatchAck = z.infer<typeof BatchAck>;
