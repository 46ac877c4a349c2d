/** A person's desk around the queues: saved views, notifications, and finding who is calling. */
import type { CallerMatch, SavedView, StaffMember } from '@vigie/contracts';
import { type Ctx, clientScopeOf, isStaff } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { forbidden, notFound, unauthorized } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import {
  deleteSavedView,
  findCallerClients,
  findCallers,
  listSavedViews,
  openTicketCounts,
  staffDirectory,
  upsertSavedView,
} from './desk.repository.js';
import { listNotifications, markNotificationRead } from './notifications.repository.js';

const MAX_CALLERS = 15;

function userOf(ctx: Ctx): string {
  if (!ctx.actor.userId) throw unauthorized();
  return ctx.actor.userId;
}

export class DeskService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async views(ctx: Ctx): Promise<{ items: SavedView[] }> {
    return { items: await listSavedViews(this.db, userOf(ctx)) };
  }

  /** Saving under an existing name replaces that view's filters. */
  async saveView(ctx: Ctx, input: { name: string; query: Record<string, string> }): Promise<SavedView> {
    const userId = userOf(ctx);
    await upsertSavedView(this.db, {
      id: newId(),
      user_id: userId,
      name: input.name,
      query: input.query,
      created_at: this.clock.now().toISOString(),
    });
    const saved = (await listSavedViews(this.db, userId)).find((v) => v.name === input.name);
    if (!saved) throw notFound('View');
    return saved;
  }

  async deleteView(ctx: Ctx, id: string): Promise<void> {
    if (!(await deleteSavedView(this.db, userOf(ctx), id))) throw notFound('View');
  }

  async notifications(ctx: Ctx, page: { cursor?: string | undefined; limit: number }) {
    return listNotifications(this.db, userOf(ctx), page);
  }

  async markRead(ctx: Ctx, id: string): Promise<void> {
    if (!(await markNotificationRead(this.db, userOf(ctx), id, this.clock.now().toISOString()))) {
      throw notFound('Notification');
    }
  }

  /** The provider's people, for assignment pickers: staff only (client people never see the provider's roster). */
  async staff(ctx: Ctx): Promise<{ items: StaffMember[] }> {
    if (!isStaff(ctx.actor)) throw forbidden('The staff directory is the provider’s');
    const people = await staffDirectory(this.db);
    return {
      items: people.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role as StaffMember['role'],
        supportLevel: p.support_level as StaffMember['supportLevel'],
        teamIds: p.team_ids,
      })),
    };
  }

  /** Who may be calling: contacts by name, e-mail or number, then clients by name, code or switchboard. */
  async lookupCaller(ctx: Ctx, term: string): Promise<{ items: CallerMatch[] }> {
    if (!isStaff(ctx.actor)) throw forbidden('The phone log is the provider’s');
    const scope = clientScopeOf(ctx.actor);
    const contacts = await findCallers(this.db, scope, term, MAX_CALLERS);
    const clients = await findCallerClients(this.db, scope, term, 5);
    const counts = await openTicketCounts(this.db, [
      ...new Set([...contacts.map((c) => c.client_id), ...clients.map((c) => c.id)]),
    ]);
    const items: CallerMatch[] = contacts.map((c) => ({
      clientId: c.client_id,
      clientCode: c.client_code,
      clientName: c.client_name,
      contact: {
        id: c.id,
        name: `${c.first_name} ${c.last_name}`.trim(),
        email: c.email,
        phone: c.phone ?? c.mobile,
      },
      openTickets: counts.get(c.client_id) ?? 0,
    }));
    for (const client of clients) {
      items.push({
        clientId: client.id,
        clientCode: client.code,
        clientName: client.name,
        contact: null,
        openTickets: counts.get(client.id) ?? 0,
      });
    }
    return { items };
  }
}
