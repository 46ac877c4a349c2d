/**
 * mail-intake: messages per second from SMTP to ticket, on SQLite and on PostgreSQL, against the real server started
 * as a child process. K concurrent SMTP connections send N messages — new tickets and replies (In-Reply-To naming a
 * message of an earlier ticket) — and the clock stops at the last message committed (its `processed_at`). Every run
 * checks none was lost or duplicated. Goal ≥ 100 messages/s.
 *
 *   node --import tsx bench/mail-intake/run.ts [--pg URL] [--only sqlite|postgres] [--connections 8]
 *        [--messages 1000] [--reply-share 0.4] [--runs 3]
 *
 * One JSON line per run and one per database (medians) on stdout; progress on stderr. See bench/README.md.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { type Db, openDatabase } from '../../apps/server/src/db/connection.js';
import { CLIENTS, CONTACTS_PER_CLIENT, contactAddress, seed } from './seed.js';
import { startIntakeServer } from './server.js';

const GOAL = 100;
const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'vigie_bench_mail_intake';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    only: { type: 'string' },
    connections: { type: 'string', default: '8' },
    messages: { type: 'string', default: '1000' },
    'reply-share': { type: 'string', default: '0.4' },
    runs: { type: 'string', default: '3' },
  },
});
const connections = Math.max(1, Number(args.connections));
const total = Math.max(10, Number(args.messages));
const replyShare = Math.min(0.9, Math.max(0, Number(args['reply-share'])));
const runs = Math.max(1, Number(args.runs));

const log = (message: string) => process.stderr.write(`[mail-intake] ${message}\n`);
const emit = (figure: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ bench: 'mail-intake', ...figure })}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

interface Store {
  kind: 'sqlite' | 'postgres';
  env: Record<string, string>;
  open: () => Db;
  drop: () => Promise<void>;
}

async function sqliteStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-mail-'));
  return {
    kind: 'sqlite',
    env: { VIGIE_DATA_DIR: dir },
    open: () => openDatabase({ kind: 'sqlite', file: join(dir, 'vigie.sqlite') }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresStore(url: string): Promise<Store> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
  await admin.query(`create database ${PG_DATABASE}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${PG_DATABASE}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: target.toString() },
    open: () => openDatabase({ kind: 'postgres', url: target.toString() }),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${PG_DATABASE} with (force)`);
      await c.end();
    },
  };
}

let sequence = 0;

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

function rawMessage(from: string, subject: string, messageId: string, inReplyTo: string | null): string {
  return [
    `From: ${from}`,
    'To: support@vigie.local',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}>`, `References: <${inReplyTo}>`] : []),
    'Date: Mon, 02 Mar 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour,\r\nle poste ne démarre plus depuis ce matin. Merci de regarder.\r\nCordialement',
    '',
  ].join('\r\n');
}

interface Planned {
  from: string;
  raw: string;
  messageId: string;
  reply: boolean;
}

/** `replyTargets`: earlier messages (each opened a ticket) that replies answer, written by the same person. */
function plan(count: number, replyTargets: Planned[], tag: string): Planned[] {
  const out: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const n = ++sequence;
    const client = n % CLIENTS;
    const answered =
      replyTargets.length > 0 && i / count < replyShare ? replyTargets[i % replyTargets.length] : undefined;
    const from = answered?.from ?? contactAddress(client, n % CONTACTS_PER_CLIENT);
    const messageId = `bench.${tag}.${n}@client${client}.bench.test`;
    const target = answered?.messageId ?? null;
    out.push({
      from,
      raw: rawMessage(from, target ? 'Re: Poste' : `Poste ${n}`, messageId, target),
      messageId,
      reply: target !== null,
    });
  }
  // Interleaves replies and new tickets so that both run at once.
  return out.sort((a, b) => (a.messageId < b.messageId ? -1 : 1));
}

async function sendAll(port: number, messages: Planned[]): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  try {
    await Promise.all(
      messages.map((m) => transport.sendMail({ envelope: { from: m.from, to: ['support@vigie.local'] }, raw: m.raw })),
    );
  } finally {
    transport.close();
  }
}

/** Waits until every one of the message ids is processed; the instant of the last commit (`processed_at`). */
async function waitProcessed(db: Db, ids: string[], timeoutMs: number): Promise<{ done: number; lastAt: Date | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db
      .selectFrom('mail_messages')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('processed_at').as('last')])
      .where('message_id', 'in', ids)
      .where('status', '<>', 'received')
      .executeTakeFirstOrThrow();
    const done = Number(row.n);
    if (done >= ids.length || Date.now() > deadline) {
      return { done, lastAt: row.last ? new Date(String(row.last)) : null };
    }
    await sleep(20);
  }
}

async function benchStore(store: Store): Promise<void> {
  log(`${store.kind}: seeding ${CLIENTS} clients × ${CONTACTS_PER_CLIENT} contacts`);
  const seedDb = store.open();
  await seed(seedDb);
  await seedDb.destroy();
  const server = await startIntakeServer(store.env);
  const db = store.open();
  const rates: number[] = [];
  const cpuPerMessage: number[] = [];
  try {
    // Tickets the measured replies answer (not measured).
    const warm = plan(Math.max(connections * 5, 50), [], `warm${store.kind}`);
    await sendAll(server.smtpPort, warm);
    await waitProcessed(
      db,
      warm.map((m) => m.messageId),
      60_000,
    );
    for (let run = 1; run <= runs; run++) {
      const messages = plan(total, warm, `r${run}${store.kind}`);
      const ids = messages.map((m) => m.messageId);
      const ticketsBefore = Number(
        (
          await db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const cpuBefore = cpuMs(server.child.pid as number);
      const started = new Date();
      await sendAll(server.smtpPort, messages);
      const sentMs = Date.now() - started.getTime();
      const { done, lastAt } = await waitProcessed(db, ids, 120_000);
      const seconds = ((lastAt ?? new Date()).getTime() - started.getTime()) / 1000;
      const serverCpuMsPerMessage = (cpuMs(server.child.pid as number) - cpuBefore) / total;
      const rows = await db
        .selectFrom('mail_messages')
        .select(['message_id', 'status', 'kind', 'ticket_id'])
        .where('message_id', 'in', ids)
        .execute();
      const ticketsAfter = Number(
        (
          await db
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const replies = messages.filter((m) => m.reply).length;
      const repliesThreaded = rows.filter((r) => r.kind === 'reply' && r.ticket_id).length;
      const newTickets = ticketsAfter - ticketsBefore;
      const lost = ids.length - rows.filter((r) => r.status === 'processed').length;
      const duplicated =
        rows.length - new Set(rows.map((r) => r.message_id)).size + Math.max(0, newTickets - (total - replies));
      const rate = done / seconds;
      rates.push(rate);
      cpuPerMessage.push(serverCpuMsPerMessage);
      emit({
        db: store.kind,
        run,
        connections,
        messages: total,
        newTickets,
        replies,
        repliesThreaded,
        sendSeconds: round(sentMs / 1000, 2),
        seconds: round(seconds, 2),
        messagesPerSecond: round(rate),
        serverCpuMsPerMessage: round(serverCpuMsPerMessage, 2),
        lost,
        duplicated,
        loadAvg1: round(loadavg()[0] ?? 0, 2),
      });
      if (lost > 0 || duplicated > 0 || repliesThreaded !== replies) {
        log(`${store.kind} run ${run}: lost ${lost}, duplicated ${duplicated}, threaded ${repliesThreaded}/${replies}`);
      }
    }
    emit({
      db: store.kind,
      summary: true,
      connections,
      messages: total,
      runs,
      medianMessagesPerSecond: round(median(rates)),
      medianServerCpuMsPerMessage: round(median(cpuPerMessage), 2),
      goal: GOAL,
      met: median(rates) >= GOAL,
    });
  } finally {
    await db.destroy();
    await server.stop();
    await store.drop();
  }
}

async function main(): Promise<void> {
  const pgUrl = args.pg ?? process.env.VIGIE_TEST_PG_URL ?? DEFAULT_PG;
  if (args.only !== 'postgres') await benchStore(await sqliteStore());
  if (args.only !== 'sqlite') {
    let reachable = true;
    try {
      const probe = new pg.Client({ connectionString: pgUrl });
      await probe.connect();
      await probe.end();
    } catch {
      reachable = false;
      log(`PostgreSQL not reachable at ${pgUrl}: skipped`);
    }
    if (reachable) await benchStore(await postgresStore(pgUrl));
  }
}

await main();
