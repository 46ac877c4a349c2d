import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file.js';
import { AgentConfig, Id } from './protocol.js';

/** Where the agent keeps its identity, credential and queue unless told otherwise (systemd's StateDirectory). */
export const DEFAULT_STATE_DIR = '/var/lib/vigie-agent';

/** The state directory: `--state-dir`, else VIGIE_AGENT_STATE_DIR, else /var/lib/vigie-agent. */
export function resolveStateDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.VIGIE_AGENT_STATE_DIR ?? DEFAULT_STATE_DIR;
}

/** What the agent knows about itself once enrolled (agent.json); the credential lives in its own 0600 file. */
export const AgentIdentity = z.object({
  agentId: Id,
  assetId: Id,
  server: z.url(),
  enrolledAt: z.string(),
  config: AgentConfig,
});
export type AgentIdentity = z.infer<typeof AgentIdentity>;

/** Raised when the state directory holds no usable enrollment: the message tells the operator what to run. */
export class NotEnrolledError extends Error {}

/** The files of one state directory. Writes are atomic: a crash never leaves a torn agent.json or credential. */
export class AgentState {
  readonly queueDir: string;
  readonly rejectedDir: string;
  private readonly identityFile: string;
  private readonly credentialFile: string;

  constructor(readonly dir: string) {
    this.queueDir = join(dir, 'queue');
    this.rejectedDir = join(dir, 'rejected');
    this.identityFile = join(dir, 'agent.json');
    this.credentialFile = join(dir, 'credential');
  }

  /** Creates the directory (0700: it holds a secret) and its queue folders. */
  ensure(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    mkdirSync(this.queueDir, { recursive: true, mode: 0o700 });
    mkdirSync(this.rejectedDir, { recursive: true, mode: 0o700 });
  }

  isEnrolled(): boolean {
    return existsSync(this.identityFile) && existsSync(this.credentialFile);
  }

  readIdentity(): AgentIdentity {
    if (!this.isEnrolled()) {
      throw new NotEnrolledError(
        `this machine is not enrolled (no agent.json and credential in ${this.dir}): run vigie-agent enroll --server URL --token TOKEN`,
      );
    }
    const parsed = AgentIdentity.safeParse(JSON.parse(readFileSync(this.identityFile, 'utf8')));
    if (!parsed.success) {
      throw new NotEnrolledError(`${this.identityFile} is damaged: enroll this machine again`);
    }
    return parsed.data;
  }

  writeIdentity(identity: AgentIdentity): void {
    writeFileAtomic(this.identityFile, `${JSON.stringify(identity, null, 2)}\n`, 0o600);
  }

  readCredential(): string {
    return readFileSync(this.credentialFile, 'utf8').trim();
  }

  /** Mode 0600: only root (the agent) reads the secret that speaks for this machine. */
  writeCredential(credential: string): void {
    writeFileAtomic(this.credentialFile, `${credential}\n`, 0o600);
  }
}
