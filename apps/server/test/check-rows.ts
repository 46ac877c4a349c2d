import { newId } from '../src/core/ids.js';
import type { Db } from '../src/db/connection.js';
import { toJson } from '../src/db/dialect.js';

/** A check row as the engine would have made it (the checks module writes them in production). */
export async function insertCheck(
  db: Db,
  asset: { id: string; clientId: string },
  name: string,
  hostCheck = false,
): Promise<string> {
  const id = newId();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('checks')
    .values({
      id,
      client_id: asset.clientId,
      asset_id: asset.id,
      agent_id: null,
      kind: hostCheck ? 'icmp' : 'http',
      name,
      config: toJson(hostCheck ? { kind: 'icmp', host: '192.0.2.1' } : { kind: 'http', url: 'https://example.test' }),
      host_check: hostCheck ? 1 : 0,
      interval_seconds: 60,
      timeout_ms: 5000,
      max_attempts: 3,
      enabled: 1,
      status: 'ok',
      hard: 1,
      attempt: 1,
      reachability: 'up',
      flapping: 0,
      history: '',
      output: null,
      latency_ms: null,
      last_result_at: null,
      state_since: at,
      next_run_at: null,
      created_at: at,
      updated_at: at,
    } as never)
    .execute();
  return id;
}
