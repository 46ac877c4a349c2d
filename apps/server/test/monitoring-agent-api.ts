/** A fake agent speaking the agent protocol over real HTTP, for tests that need exact control of what is sent. */
import type { AgentBatch, BatchAck, BatchItem, EnrollResponse } from '@vigie/contracts';
import { systemCtx } from '../src/core/actor.js';
import type { Harness } from './harness.js';

export interface FakeAgent {
  agentId: string;
  assetId: string;
  credential: string;
  seq: number;
  send(items: BatchItem[], options?: { seq?: number; sentAt?: Date }): Promise<{ status: number; body: BatchAck }>;
}

export async function enrollFakeAgent(h: Harness, clientId: string, hostname: string): Promise<FakeAgent> {
  const enrollment = await h.services.monitoring.agents.createEnrollment(systemCtx, {
    clientId,
    label: `test ${hostname}`,
  });
  const response = await fetch(`${h.baseUrl}/api/v1/agent/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      token: enrollment.token,
      hostname,
      os: { name: 'Debian GNU/Linux 12' },
      agentVersion: '0.0.1',
    }),
  });
  if (response.status !== 201) throw new Error(`enroll answered ${response.status}: ${await response.text()}`);
  const enrolled = (await response.json()) as EnrollResponse;
  const agent: FakeAgent = {
    ...enrolled,
    seq: 0,
    async send(items, options = {}) {
      const seq = options.seq ?? ++agent.seq;
      const batch: AgentBatch = { seq, sentAt: (options.sentAt ?? h.clock.now()).toISOString(), items };
      const answer = await fetch(`${h.baseUrl}/api/v1/agent/batches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.credential}` },
        body: JSON.stringify(batch),
      });
      return { status: answer.status, body: (await answer.json()) as BatchAck };
    },
  };
  return agent;
}

/** A plugin result as the agent sends it. */
export function pluginResult(checkId: string, exitCode: number, output: string, at: Date): BatchItem {
  return { type: 'check', checkId, at: at.toISOString(), exitCode, output, durationMs: 12 };
}
