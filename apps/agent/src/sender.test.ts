import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentApi } from './api-client.js';
import { memoryLog } from './log.js';
import type { BatchAck } from './protocol.js';
import { DiskQueue } from './queue.js';
import { Sender } from './sender.js';

type Answer = { status: number; body: unknown };

/** A stand-in server: answers each POST /batches with the next scripted answer and records what it got. */
async function fakeServer(answers: (seq: number) => Answer) {
  const received: { seq: number; sentAt: string; auth: string | undefined }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const batch = JSON.parse(body) as { seq: number; sentAt: string };
      received.push({ seq: batch.seq, sentAt: batch.sentAt, auth: request.headers.authorization });
      const answer = answers(batch.seq);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const ack = (seq: number): Answer => ({
  status: 200,
  body: { acknowledged: seq, duplicate: false, configVersion: 1, accepted: 1, rejected: [] } satisfies BatchAck,
});
const error = (status: number, code: string): Answer => ({ status, body: { error: { code, message: code } } });

const waitFor = async (condition: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the sender', () => {
  let dir: string;
  let queue: DiskQueue;
  let log: ReturnType<typeof memoryLog>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-agent-sender-'));
    mkdirSync(join(dir, 'queue'));
    mkdirSync(join(dir, 'rejected'));
    log = memoryLog();
    queue = new DiskQueue(join(dir, 'queue'), join(dir, 'rejected'), log);
    queue.open();
    for (let i = 0; i < 3; i++) {
      queue.enqueue(
        [{ type: 'metrics', at: new Date().toISOString(), values: [{ name: 'load.1', value: i }] }],
        '0.1.0',
      );
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sender = (url: string, onUnauthorized: (code: string | null) => void = () => {}) =>
    new Sender(
      queue,
      new AgentApi(url, () => 'the-credential'),
      log,
      { acknowledged: () => {}, unauthorized: (failure) => onUnauthorized(failure.code) },
      { initialMs: 50, maxMs: 200 },
    );

  it('sends in order with the credential and this clock, deleting each batch once acknowledged', async () => {
    const server = await fakeServer(ack);
    const before = Date.now();
    sender(server.url).wake();
    await waitFor(() => queue.stats().batches === 0);
    await server.close();
    expect(server.received.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(server.received.every((r) => r.auth === 'Bearer the-credential')).toBe(true);
    expect(Date.parse(server.received[0]?.sentAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('keeps a batch through 5xx answers and retries it, then goes on in order', async () => {
    let failures = 2;
    const server = await fakeServer((seq) => (seq === 2 && failures-- > 0 ? error(503, 'unavailable') : ack(seq)));
    sender(server.url).wake();
    await waitFor(() => queue.stats().batches === 0);
    await server.close();
    expect(server.received.map((r) => r.seq)).toEqual([1, 2, 2, 2, 3]);
    expect(log.lines.filter((l) => l.includes('batch(es) kept on disk'))).toHaveLength(2);
  });

  it('sets a refused batch aside and sends the next', async () => {
    const server = await fakeServer((seq) => (seq === 2 ? error(413, 'too_large') : ack(seq)));
    sender(server.url).wake();
    await waitFor(() => queue.stats().batches === 0);
    await server.close();
    expect(server.received.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'rejected'))).toEqual(['0000000000000002.json']);
  });

  it('stops at a refused credential and keeps the whole queue', async () => {
    const server = await fakeServer(() => error(401, 'agent_revoked'));
    let code: string | null = null;
    const s = sender(server.url, (c) => {
      code = c;
    });
    s.wake();
    await waitFor(() => code !== null);
    s.wake();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.close();
    expect(code).toBe('agent_revoked');
    expect(server.received).toHaveLength(1);
    expect(queue.stats().batches).toBe(3);
  });

  it('keeps everything while the server is unreachable', async () => {
    const server = await fakeServer(ack);
    await server.close();
    const s = sender(server.url);
    s.wake();
    await waitFor(() => log.lines.filter((l) => l.includes('cannot reach')).length >= 2);
    await s.stop();
    expect(queue.stats().batches).toBe(3);
  });
});
