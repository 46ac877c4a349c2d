import { hostname } from 'node:os';
import { AgentApi } from './api-client.js';
import { osInfo } from './collectors/os-info.js';
import type { Log } from './log.js';
import { AgentState } from './state.js';
import { AGENT_VERSION } from './version.js';

/** Why enrollment failed, as one line for the operator, with the exit code the CLI returns. */
export class EnrollError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/**
 * Enrolls this machine: trades the one-time token for the agent's own credential, written with mode 0600 next to
 * agent.json. A machine already enrolled keeps its identity unless `force` (re-enrolling makes a new agent).
 */
export async function enroll(options: {
  server: string;
  token: string;
  stateDir: string;
  log: Log;
  force?: boolean;
}): Promise<{ agentId: string; assetId: string }> {
  let server: URL;
  try {
    server = new URL(options.server);
  } catch {
    throw new EnrollError(`--server must be a URL such as https://vigie.example.com (got "${options.server}")`, 2);
  }
  if (server.protocol !== 'https:' && server.protocol !== 'http:') {
    throw new EnrollError(`--server must start with https:// (got "${options.server}")`, 2);
  }
  if (options.token.trim().length < 10)
    throw new EnrollError('--token is too short: copy it whole from the console', 2);
  const state = new AgentState(options.stateDir);
  if (state.isEnrolled() && !options.force) {
    const current = state.readIdentity();
    throw new EnrollError(
      `already enrolled as agent ${current.agentId} with ${current.server}; add --force to enroll again as a new agent`,
      1,
    );
  }
  const base = server.toString().replace(/\/+$/, '');
  const api = new AgentApi(base);
  const result = await api.enroll({
    token: options.token.trim(),
    hostname: hostname().slice(0, 255) || 'unknown',
    os: osInfo(),
    agentVersion: AGENT_VERSION,
  });
  if (!result.ok) {
    if (result.kind === 'network') throw new EnrollError(`the server is unreachable: ${result.message}`, 69);
    if (result.kind === 'unauthorized') {
      throw new EnrollError(
        'the server refused the token: it is unknown, expired or revoked — create a new one in the console',
        77,
      );
    }
    throw new EnrollError(`enrollment failed: ${result.message}`, 1);
  }
  state.ensure();
  state.writeCredential(result.value.credential);
  state.writeIdentity({
    agentId: result.value.agentId,
    assetId: result.value.assetId,
    server: base,
    enrolledAt: new Date().toISOString(),
    config: result.value.config,
  });
  options.log.info(
    `enrolled as agent ${result.value.agentId} (asset ${result.value.assetId}); state in ${options.stateDir}`,
  );
  return { agentId: result.value.agentId, assetId: result.value.assetId };
}
