import { type Client, ClientInput, type ClientPatch } from '@vigie/contracts';
import { isValidTimeZone } from '@vigie/domain';
import type { z } from 'zod';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { conflict, type FieldProblem, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { stripUndefined } from '../../core/patch.js';
import type { Db } from '../../db/connection.js';
import type { AuditService } from '../audit/audit.service.js';
import type { ClientDirectory } from './client-directory.js';
import {
  type ClientRecord,
  clientDependents,
  clientExists,
  deleteClient,
  findClient,
  findClientIdByCode,
  insertClient,
  listClients,
  mailDomainOwners,
  presentClient,
  updateClient,
} from './clients.repository.js';
import { findContactClient } from './contacts.repository.js';
import { assertCanRead, assertCanWrite, readScope, seesProviderNotes } from './register.policy.js';
import { findSiteClient } from './sites.repository.js';

type ClientValues = z.output<typeof ClientInput>;

export class ClientService implements ClientDirectory {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  exists(clientId: string): Promise<boolean> {
    return clientExists(this.db, clientId);
  }

  clientOfSite(siteId: string): Promise<string | null> {
    return findSiteClient(this.db, siteId);
  }

  clientOfContact(contactId: string): Promise<string | null> {
    return findContactClient(this.db, contactId);
  }

  async idByCode(code: string): Promise<string | undefined> {
    return findClientIdByCode(this.db, code.toUpperCase());
  }

  async list(ctx: Ctx, query: Parameters<typeof listClients>[2]) {
    const page = await listClients(this.db, readScope(ctx.actor, 'client'), query);
    return { ...page, items: page.items.map((c) => this.forViewer(ctx, c)) };
  }

  async get(ctx: Ctx, id: string): Promise<Client> {
    assertCanRead(ctx.actor, 'client', id);
    const row = await findClient(this.db, id);
    if (!row) throw notFound('Client');
    return this.forViewer(ctx, presentClient(row));
  }

  async create(ctx: Ctx, input: ClientValues): Promise<Client> {
    assertCanWrite(ctx.actor, 'client', null);
    await this.check(input, null);
    const now = this.clock.now().toISOString();
    const row = this.toRecord(newId(), input, now, now);
    const client = presentClient(row);
    await this.db.transaction().execute(async (trx) => {
      await insertClient(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'client',
        objectId: row.id,
        clientId: row.id,
        after: client,
      });
    });
    return client;
  }

  async update(ctx: Ctx, id: string, patch: z.output<typeof ClientPatch>): Promise<Client> {
    assertCanWrite(ctx.actor, 'client', id);
    const current = await findClient(this.db, id);
    if (!current) throw notFound('Client');
    const before = presentClient(current);
    const merged = ClientInput.parse({ ...before, ...stripUndefined(patch) });
    await this.check(merged, id);
    const row = this.toRecord(id, merged, current.created_at, this.clock.now().toISOString());
    const after = presentClient(row);
    await this.db.transaction().execute(async (trx) => {
      await updateClient(trx, row);
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'client',
        objectId: id,
        clientId: id,
        before,
        after,
      });
    });
    return after;
  }

  /** Deleting is for mistakes: a client with records is archived (active: false) instead. */
  async remove(ctx: Ctx, id: string): Promise<void> {
    assertCanWrite(ctx.actor, 'client', id);
    const current = await findClient(this.db, id);
    if (!current) throw notFound('Client');
    const dependents = await clientDependents(this.db, id);
    if (Object.keys(dependents).length > 0) {
      const list = Object.entries(dependents)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      throw conflict(`The client still has ${list}; archive it (active: false) or remove those first`, dependents);
    }
    await this.db.transaction().execute(async (trx) => {
      await deleteClient(trx, id);
      await this.audit.record(trx, ctx, {
        action: 'delete',
        objectType: 'client',
        objectId: id,
        clientId: id,
        before: presentClient(current),
      });
    });
  }

  private forViewer(ctx: Ctx, client: Client): Client {
    if (seesProviderNotes(ctx.actor)) return client;
    const { notes: _hidden, ...visible } = client;
    return visible;
  }

  private async check(input: ClientValues, selfId: string | null): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!isValidTimeZone(input.timeZone))
      problems.push({ path: ['timeZone'], message: `unknown time zone "${input.timeZone}"` });
    const owners = await mailDomainOwners(this.db, input.mailDomains);
    input.mailDomains.forEach((domain, i) => {
      const owner = owners.get(domain);
      if (owner && owner !== selfId)
        problems.push({ path: ['mailDomains', i], message: `${domain} already belongs to another client` });
      if (input.mailDomains.indexOf(domain) !== i)
        problems.push({ path: ['mailDomains', i], message: `${domain} is listed twice` });
    });
    if (problems.length > 0) throw invalid(problems.map((p) => p.message).join('; '), problems);
    const codeOwner = await findClientIdByCode(this.db, input.code);
    if (codeOwner && codeOwner !== selfId)
      throw conflict(`Client code ${input.code} is already used`, [{ path: ['code'], message: 'already used' }]);
  }

  private toRecord(id: string, v: ClientValues, createdAt: string, updatedAt: string): ClientRecord {
    return {
      id,
      code: v.code,
      name: v.name,
      legal_name: v.legalName,
      time_zone: v.timeZone,
      locale: v.locale,
      phone: v.phone ?? null,
      email: v.email ?? null,
      website: v.website ?? null,
      address: v.address,
      notes: v.notes ?? null,
      active: v.active ? 1 : 0,
      mail_domains: v.mailDomains,
      created_at: createdAt,
      updated_at: updatedAt,
    };
  }
}
