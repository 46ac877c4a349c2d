import { type Contact, ContactInput, type ContactPatch } from '@vigie/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { type FieldProblem, invalidRows, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { ContactRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { clientExists, findClient } from './clients.repository.js';
import {
  contactIdsByEmail,
  deleteContact,
  findContact,
  insertContacts,
  listContacts,
  presentContact,
  updateContact,
} from './contacts.repository.js';
import { assertCanCreateIn, assertCanRead, assertCanWrite, seesProviderNotes } from './register.policy.js';
import { siteIdsByName } from './sites.repository.js';

export type ContactValues = z.output<typeof ContactInput>;

export class ContactService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: Ctx, clientId: string, query: Parameters<typeof listContacts>[2]) {
    assertCanRead(ctx.actor, 'contact', clientId);
    if (!(await clientExists(this.db, clientId))) throw notFound('Client');
    const page = await listContacts(this.db, clientId, query);
    return { ...page, items: page.items.map((c) => this.forViewer(ctx, c)) };
  }

  /** Contact ids by lower-cased e-mail, for imports that name owners. */
  idsByEmail(clientId: string): Promise<Map<string, string>> {
    return contactIdsByEmail(this.db, clientId);
  }

  async get(ctx: Ctx, id: string): Promise<Contact> {
    const row = await findContact(this.db, id);
    if (!row) throw notFound('Contact');
    assertCanRead(ctx.actor, 'contact', row.client_id);
    return this.forViewer(ctx, presentContact(row));
  }

  async create(ctx: Ctx, clientId: string, input: ContactValues): Promise<Contact> {
    const [contact] = await this.createMany(ctx, clientId, [input]);
    return contact as Contact;
  }

  /**
   * Someone who wrote from the client's registered mail domain becomes one of its contacts (DOMAIN §3), inside the
   * mail intake's transaction: the acknowledgement has an address, and the next mail is recognized by it.
   */
  async addFromMailIn(
    trx: Db,
    ctx: Ctx,
    clientId: string,
    sender: { email: string; displayName: string | null },
  ): Promise<{ id: string; name: string }> {
    const client = await findClient(trx, clientId);
    if (!client) throw notFound('Client');
    const { firstName, lastName } = namesFrom(sender.displayName, sender.email);
    const now = this.clock.now().toISOString();
    const values = { firstName, lastName, email: sender.email, locale: client.locale === 'en' ? 'en' : 'fr' } as const;
    const row = toRow(newId(), clientId, { ...values, isPrimary: false } as ContactValues, now, now);
    row.notes = 'Added by the mail intake: first wrote from the client’s mail domain.';
    await insertContacts(trx, [row]);
    await this.audit.record(trx, ctx, {
      action: 'create',
      objectType: 'contact',
      objectId: row.id,
      clientId,
      after: presentContact(row),
    });
    return { id: row.id, name: `${firstName} ${lastName}`.trim() };
  }

  /** All or nothing: one transaction, one audit entry per contact (imports come through here). */
  async createMany(ctx: Ctx, clientId: string, inputs: ContactValues[]): Promise<Contact[]> {
    assertCanCreateIn(ctx.actor, 'contact', clientId);
    if (!(await clientExists(this.db, clientId))) throw notFound('Client');
    const problems = await this.problemsOf(clientId, inputs);
    if (problems.length > 0) throw invalidRows(problems, inputs.length);
    const now = this.clock.now().toISOString();
    const rows = inputs.map((input) =>
      toRow(newId(), clientId, { ...input, notes: this.notesFrom(ctx, input.notes, null) }, now, now),
    );
    const contacts = rows.map(presentContact);
    await this.db.transaction().execute(async (trx) => {
      await insertContacts(trx, rows);
      for (const contact of contacts) {
        await this.audit.record(trx, ctx, {
          action: 'create',
          objectType: 'contact',
          objectId: contact.id,
          clientId,
          after: contact,
        });
      }
    });
    return contacts;
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof ContactPatch>): Promise<Contact> {
    const current = await findContact(this.db, id);
    if (!current) throw notFound('Contact');
    assertCanWrite(ctx.actor, 'contact', current.client_id);
    const before = presentContact(current);
    const merged = ContactInput.parse({
      ...before,
      ...stripUndefined(patch),
      notes: this.notesFrom(ctx, patch.notes, current.notes),
    });
    const problems = await this.problemsOf(current.client_id, [merged], id);
    if (problems.length > 0) throw invalidRows(problems, 1);
    const row = toRow(id, current.client_id, merged, current.created_at, this.clock.now().toISOString());
    const after = presentContact(row);
    await this.db.transaction().execute(async (trx) => {
      await updateContact(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'contact',
        objectId: id,
        clientId: row.client_id,
        before,
        after,
      });
    });
    return this.forViewer(ctx, after);
  }

  async remove(ctx: Ctx, id: string): Promise<void> {
    const current = await findContact(this.db, id);
    if (!current) throw notFound('Contact');
    assertCanWrite(ctx.actor, 'contact', current.client_id);
    await this.db.transaction().execute(async (trx) => {
      await deleteContact(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'contact',
        objectId: id,
        clientId: current.client_id,
        before: presentContact(current),
      });
    });
  }

  /** Problems of contacts about to be written: a site of another client, an e-mail already used at the client or twice. */
  async problemsOf(
    clientId: string,
    inputs: ContactValues[],
    selfId: string | null = null,
  ): Promise<(FieldProblem & { index: number })[]> {
    const problems: (FieldProblem & { index: number })[] = [];
    const existing = await contactIdsByEmail(this.db, clientId);
    const seen = new Map<string, number>();
    const sitesOfClient = new Set((await siteIdsByName(this.db, clientId)).values());
    for (const [index, input] of inputs.entries()) {
      if (input.siteId && !sitesOfClient.has(input.siteId)) {
        problems.push({ index, path: ['siteId'], message: 'no such site at this client' });
      }
      if (!input.email) continue;
      const email = input.email.toLowerCase();
      const owner = existing.get(email);
      if (owner && owner !== selfId)
        problems.push({ index, path: ['email'], message: `a contact with ${email} already exists` });
      if (seen.has(email)) problems.push({ index, path: ['email'], message: `${email} appears twice` });
      seen.set(email, index);
    }
    return problems;
  }

  /** Provider notes are written by the provider only: what a client person sends there is ignored. */
  private notesFrom(ctx: Ctx, sent: string | null | undefined, stored: string | null): string | null | undefined {
    return seesProviderNotes(ctx.actor) ? (sent === undefined ? stored : sent) : stored;
  }

  private forViewer(ctx: Ctx, contact: Contact): Contact {
    if (seesProviderNotes(ctx.actor)) return contact;
    const { notes: _hidden, ...visible } = contact;
    return visible;
  }
}

/** "Marie Curie" → Marie / Curie; "CURIE Marie" stays as written; no name → the address's local part. */
function namesFrom(displayName: string | null, email: string): { firstName: string; lastName: string } {
  const words = (displayName ?? '').replace(/["<>]/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: '', lastName: (email.split('@')[0] ?? email).slice(0, 80) };
  if (words.length === 1) return { firstName: '', lastName: (words[0] as string).slice(0, 80) };
  return { firstName: (words[0] as string).slice(0, 80), lastName: words.slice(1).join(' ').slice(0, 80) };
}

function toRow(id: string, clientId: string, v: ContactValues, createdAt: string, updatedAt: string): ContactRow {
  return {
    id,
    client_id: clientId,
    site_id: v.siteId ?? null,
    first_name: v.firstName,
    last_name: v.lastName,
    email: v.email ?? null,
    phone: v.phone ?? null,
    mobile: v.mobile ?? null,
    job_title: v.jobTitle ?? null,
    locale: v.locale,
    is_primary: v.isPrimary ? 1 : 0,
    notes: v.notes ?? null,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
