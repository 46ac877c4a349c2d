/**
 * The requests ticket-queue loads: one technician of each team signed in (cookie session), every queue
 * "team × status, nearest deadline first" walked page by page and checked against the database, then a mix of
 * first pages and next pages (with the cursor) to rotate over.
 */
import { NO_DEADLINE } from '../../apps/server/src/db/schema.js';
import { type BasePlan, PASSWORD } from './plan.js';

/** The statuses a team's queue is filtered by; `new` tickets are not routed to a team yet. */
export const QUEUE_STATUSES = ['assigned', 'in_progress', 'pending', 'resolved'] as const;
export const PAGE = 50;

interface Item {
  id: string;
  status: string;
  dueAt: string | null;
  team: { id: string } | null;
}

interface Page {
  items: Item[];
  nextCursor: string | null;
}

export interface QueueRequest {
  path: string;
  cookie: string;
  team: number;
  status: string;
  page: number;
}

export interface Queues {
  first: QueueRequest[];
  next: QueueRequest[];
  /** Team index → technician index signed in for it. */
  technicianOfTeam: number[];
  /** Cursor of page 2 of each queue, for EXPLAIN. */
  cursors: Map<string, string>;
  pages: number;
  rows: number;
}

export const queuePath = (teamId: string, status: string, cursor: string | null) =>
  `/api/v1/tickets?queue=open&teamId=${teamId}&status=${status}&sort=due&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('vigie_session='));
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  return cookie;
}

const sortKey = (item: Item) => `${item.dueAt ?? NO_DEADLINE} ${item.id}`;

/**
 * Problems of one answered page: more than 50 rows, a short page that still has a next cursor, rows of another
 * team or status, rows not in (due, id) order, or a page that does not follow the previous one.
 */
export function pageProblems(page: Page, teamId: string | null, status: string | null, after: string | null) {
  const problems: string[] = [];
  if (page.items.length > PAGE) problems.push(`${page.items.length} rows`);
  if (page.items.length < PAGE && page.nextCursor) problems.push(`${page.items.length} rows and a next cursor`);
  let previous = after;
  for (const item of page.items) {
    if (teamId && item.team?.id !== teamId) problems.push(`ticket ${item.id} of another team`);
    if (status && item.status !== status) problems.push(`ticket ${item.id} is ${item.status}`);
    const key = sortKey(item);
    if (previous !== null && key <= previous) problems.push(`ticket ${item.id} out of (dueAt, id) order`);
    previous = key;
  }
  return problems;
}

/**
 * Signs in the first technician of each team and walks every queue to its end, checking each page and the row
 * count against `expected` (team id → status → open tickets).
 */
export async function walkQueues(baseUrl: string, plan: BasePlan, expected: Map<string, number>): Promise<Queues> {
  const queues: Queues = { first: [], next: [], technicianOfTeam: [], cursors: new Map(), pages: 0, rows: 0 };
  for (let team = 0; team < plan.teamIds.length; team++) {
    const technician = plan.members[team]?.[0] as number;
    queues.technicianOfTeam.push(technician);
    const cookie = await signIn(baseUrl, plan.technicians[technician]?.email as string);
    const teamId = plan.teamIds[team] as string;
    for (const status of QUEUE_STATUSES) {
      let cursor: string | null = null;
      let after: string | null = null;
      let rows = 0;
      for (let page = 1; ; page++) {
        const path = queuePath(teamId, status, cursor);
        const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
        if (response.status !== 200)
          throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
        const body = (await response.json()) as Page;
        const problems = pageProblems(body, teamId, status, after);
        if (problems.length > 0) throw new Error(`GET ${path}: ${problems.slice(0, 3).join('; ')}`);
        const request = { path, cookie, team, status, page };
        (page === 1 ? queues.first : queues.next).push(request);
        if (page === 2 && cursor) queues.cursors.set(`${team}:${status}`, cursor);
        queues.pages++;
        rows += body.items.length;
        const last = body.items[body.items.length - 1];
        if (last) after = sortKey(last);
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      const want = expected.get(`${teamId}:${status}`) ?? 0;
      if (rows !== want)
        throw new Error(`queue ${status} of team ${team + 1}: ${rows} rows over its pages, ${want} in the database`);
      queues.rows += rows;
    }
  }
  return queues;
}

/** mulberry32-shuffled rotation: first pages, and a `nextShare` of next pages (page 2 onwards, with the cursor). */
export function requestMix(queues: Queues, nextShare: number, seed = 5): QueueRequest[] {
  const nextCount = queues.next.length === 0 ? 0 : Math.round((queues.first.length * nextShare) / (1 - nextShare));
  const mix = [...queues.first];
  // Spread over all the queues that have a next page, not the first teams' only.
  for (let i = 0; i < nextCount; i++) {
    mix.push(queues.next[Math.floor((i * queues.next.length) / nextCount)] as QueueRequest);
  }
  let state = seed;
  for (let i = mix.length - 1; i > 0; i--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = state % (i + 1);
    [mix[i], mix[j]] = [mix[j] as QueueRequest, mix[i] as QueueRequest];
  }
  return mix;
}
