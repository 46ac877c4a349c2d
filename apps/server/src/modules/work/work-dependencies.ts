import type { Client, Contract, Site, User } from '@vigie/contracts';
import type { Ctx } from '../../core/actor.js';
import type { Db } from '../../db/connection.js';
import type { TicketRow } from '../../db/schema.js';

/** What time entries and visits ask of the tickets module. */
export interface TicketGate {
  /** The ticket, or 404 when the actor may not read it. */
  readable(ctx: Ctx, ticketId: string): Promise<TicketRow>;
  /** The ticket, or 404/403 unless the actor may work it. */
  workable(ctx: Ctx, ticketId: string): Promise<TicketRow>;
  /** Adds a timeline event in the caller's transaction. */
  recordEvent(
    trx: Db,
    ctx: Ctx,
    ticket: Pick<TicketRow, 'id' | 'client_id'>,
    kind: string,
    options: { body?: string | null; visibility?: 'public' | 'internal'; data?: Record<string, unknown> },
  ): Promise<void>;
}

/** Reads of the register (clients, sites, contracts) and of staff, through their services. */
export interface WorkLookups {
  contracts: { get(ctx: Ctx, id: string): Promise<Contract> };
  clients: { get(ctx: Ctx, id: string): Promise<Client>; clientOfSite(siteId: string): Promise<string | null> };
  sites: { get(ctx: Ctx, id: string): Promise<Site> };
  users: { get(ctx: Ctx, id: string): Promise<User> };
}
