import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLog } from './log.js';
import type { BatchItem } from './protocol.js';
import { DiskQueue } from './queue.js';

const metrics = (value: number): BatchItem => ({
  type: 'metrics',
  at: '2026-03-02T09:00:00.000Z',
  values: [{ name: 'load.1', value }],
});

describe('the on-disk queue', () => {
  let dir: string;
  let queueDir: string;
  let rejectedDir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-agent-queue-'));
    queueDir = join(dir, 'queue');
    rejectedDir = join(dir, 'rejected');
    mkdirSync(queueDir);
    mkdirSync(rejectedDir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const open = (limits = { maxBytes: 100 * 1024 * 1024, maxBatches: 20_000 }, log = memoryLog()) => {
    const queue = new DiskQueue(queueDir, rejectedDir, log, limits);
    queue.open();
    return queue;
  };

  it('gives batches increasing numbers and hands out the oldest first until it is acknowledged', () => {
    const queue = open();
    expect([queue.enqueue([metrics(1)], '0.1.0'), queue.enqueue([metrics(2)], '0.1.0')]).toEqual([1, 2]);
    expect(queue.oldest()?.seq).toBe(1);
    expect(queue.oldest()?.seq).toBe(1);
    queue.remove(1);
    expect(queue.oldest()).toMatchObject({ seq: 2, items: [metrics(2)] });
    queue.remove(2);
    expect(queue.oldest()).toBeNull();
  });

  it('writes each batch whole to disk before it is sent, leaving no temporary file', () => {
    const queue = open();
    queue.enqueue([metrics(1)], '0.1.0');
    const files = readdirSync(queueDir);
    expect(files.sort()).toEqual(['0000000000000001.json', 'last-seq']);
    expect(JSON.parse(readFileSync(join(queueDir, '0000000000000001.json'), 'utf8'))).toMatchObject({ seq: 1 });
  });

  it('keeps unsent batches and never reuses a number after a restart, even once everything was sent', () => {
    const first = open();
    first.enqueue([metrics(1)], '0.1.0');
    first.enqueue([metrics(2)], '0.1.0');
    first.remove(1);
    // A crash in the middle of a write leaves a temporary file: the next start removes it.
    writeFileSync(join(queueDir, '.tmp-123-half'), '{"seq":');
    const second = open();
    expect(second.stats()).toMatchObject({ batches: 1, oldestSeq: 2, lastSeq: 2 });
    expect(existsSync(join(queueDir, '.tmp-123-half'))).toBe(false);
    second.remove(2);
    expect(open().enqueue([metrics(3)], '0.1.0')).toBe(3);
  });

  it('drops the oldest batches when full, and says how many', () => {
    const log = memoryLog();
    const queue = open({ maxBytes: 100 * 1024 * 1024, maxBatches: 3 }, log);
    for (let i = 1; i <= 5; i++) queue.enqueue([metrics(i)], '0.1.0');
    expect(queue.stats()).toMatchObject({ batches: 3, oldestSeq: 3, lastSeq: 5 });
    expect(log.lines.filter((line) => line.includes('dropped the 1 oldest'))).toHaveLength(2);

    const bytes = open({ maxBytes: 400, maxBatches: 20_000 }, log);
    for (let i = 6; i <= 10; i++) bytes.enqueue([metrics(i)], '0.1.0');
    expect(bytes.stats().bytes).toBeLessThanOrEqual(400);
    expect(bytes.oldest()?.seq).toBeGreaterThan(6);
  });

  it('sets a refused or damaged batch aside in rejected/ and goes on with the next', () => {
    const log = memoryLog();
    const queue = open(undefined, log);
    queue.enqueue([metrics(1)], '0.1.0');
    queue.enqueue([metrics(2)], '0.1.0');
    queue.enqueue([metrics(3)], '0.1.0');
    queue.reject(1, '413 too large');
    writeFileSync(join(queueDir, '0000000000000002.json'), 'not json');
    expect(queue.oldest()?.seq).toBe(3);
    expect(readdirSync(rejectedDir).sort()).toEqual(['0000000000000001.json', '0000000000000002.json']);
    expect(log.lines.join('\n')).toContain('batch 1 was refused (413 too large)');
  });
});
