import type { Intervention, InterventionInput, InterventionReportInput, Site } from '@vigie/contracts';
import { isClientRole, localDateOf, type Role, ticketReference } from '@vigie/domain';
import type { z } from 'zod';
import { type Ctx, systemCtx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import type { Db } from '../../db/connection.js';
import type { InterventionRow, TicketRow } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import { renderInterventionReport } from './intervention-report.pdf.js';
import {
  closeIntervention,
  findIntervention,
  findSignature,
  type InterventionRecord,
  insertIntervention,
  listInterventions,
  presentIntervention,
} from './interventions.repository.js';
import { assertDecodable, checkSignature } from './signature.js';
import type { TimeEntryService, WorkTerms } from './time-entries.service.js';
import { assertCanReportVisit, assertCanRunVisits } from './work.policy.js';
import type { TicketGate, WorkLookups } from './work-dependencies.js';

/** The provider's name on the documents it hands to clients. */
const PROVIDER_NAME = 'Vigie';

/** How far from today a visit may be dated: beyond is a typo (year 0202), and PostgreSQL stores no year 0 or 10000. */
const VISIT_HORIZON_YEARS = 5;

/** The time entry's note for a closed visit, in the client's language. */
function visitNote(locale: string, site: string, travelMinutes: number): string {
  if (locale === 'en')
    return `On-site visit at ${site}${travelMinutes > 0 ? ` (including ${travelMinutes} min travel)` : ''}`;
  return `Intervention sur site : ${site}${travelMinutes > 0 ? ` (dont ${travelMinutes} min de trajet)` : ''}`;
}

/** On-site visits of onsite and hybrid contracts: planned on a ticket, closed with a report the client signs. */
export class InterventionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tickets: TicketGate,
    private readonly lookups: WorkLookups,
    private readonly time: TimeEntryService,
  ) {}

  async list(ctx: Ctx, ticketId: string, query: { cursor?: string | undefined; limit: number }) {
    await this.tickets.readable(ctx, ticketId);
    return listInterventions(this.db, ticketId, query);
  }

  async get(ctx: Ctx, id: string): Promise<Intervention> {
    const { visit } = await this.readable(ctx, id);
    return presentIntervention(visit);
  }

  async create(ctx: Ctx, ticketId: string, input: z.output<typeof InterventionInput>): Promise<Intervention> {
    const ticket = await this.tickets.workable(ctx, ticketId);
    assertCanRunVisits(ctx.actor);
    const terms = await this.time.termsOf(ticket);
    assertOnsiteContract(terms);
    if (ticket.is_open !== 1) throw conflict('The ticket is closed: reopen it, or open a new one, to plan a visit');
    const scheduledStart = new Date(input.scheduledStart);
    const horizon = VISIT_HORIZON_YEARS * 366 * 24 * 3_600_000;
    if (Math.abs(scheduledStart.getTime() - this.clock.now().getTime()) > horizon) {
      const message = `more than ${VISIT_HORIZON_YEARS} years away from today`;
      throw invalid(`scheduledStart: ${message}`, [{ path: ['scheduledStart'], message }]);
    }
    const site = await this.siteOfClient(input.siteId, ticket.client_id);
    const technicianId = await this.checkTechnician(input.technicianId ?? ctx.actor.userId);
    const now = this.clock.now().toISOString();
    const row: InterventionRow = {
      id: newId(),
      ticket_id: ticket.id,
      client_id: ticket.client_id,
      site_id: site.id,
      technician_id: technicianId,
      scheduled_start: scheduledStart.toISOString(),
      duration_minutes: input.durationMinutes,
      travel_minutes: input.travelMinutes,
      status: 'planned',
      report: null,
      signed_by: null,
      signature_png: null,
      signed_at: null,
      created_at: now,
      updated_at: now,
    };
    await this.db.transaction().execute(async (trx) => {
      await insertIntervention(trx, row);
      await this.tickets.recordEvent(trx, ctx, ticket, 'intervention', {
        visibility: 'public',
        data: {
          interventionId: row.id,
          action: 'planned',
          siteId: site.id,
          siteName: site.name,
          scheduledStart: row.scheduled_start,
          durationMinutes: row.duration_minutes,
          travelMinutes: row.travel_minutes,
        },
      });
      await this.audit.record(trx, ctx, {
        action: 'create',
        objectType: 'intervention',
        objectId: row.id,
        clientId: row.client_id,
        after: auditView(row),
      });
    });
    return this.get(ctx, row.id);
  }

  async cancel(ctx: Ctx, id: string): Promise<Intervention> {
    const { visit, ticket } = await this.workable(ctx, id);
    assertCanRunVisits(ctx.actor);
    assertPlanned(visit);
    const changes = { status: 'cancelled', updated_at: this.clock.now().toISOString() };
    await this.db.transaction().execute(async (trx) => {
      if (!(await closeIntervention(trx, id, changes))) throw changedMeanwhile();
      await this.tickets.recordEvent(trx, ctx, ticket, 'intervention', {
        visibility: 'public',
        data: { interventionId: id, action: 'cancelled', scheduledStart: visit.scheduled_start },
      });
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'intervention',
        objectId: id,
        clientId: visit.client_id,
        before: { status: visit.status },
        after: { status: 'cancelled' },
      });
    });
    return this.get(ctx, id);
  }

  /**
   * Closes a visit with its signed report: the visit is done, its time on site is logged on the ticket (covered by
   * the contract, billable only when the ticket is out of scope) and the timeline says so, all in one transaction.
   */
  async report(ctx: Ctx, id: string, input: z.output<typeof InterventionReportInput>): Promise<Intervention> {
    const { visit, ticket } = await this.workable(ctx, id);
    assertCanReportVisit(ctx.actor);
    assertPlanned(visit);
    const signature = checkSignature(input.signaturePng);
    await assertDecodable(signature.bytes);
    const terms = await this.time.termsOf(ticket);
    const now = this.clock.now();
    const changes = {
      status: 'done',
      report: input.report,
      duration_minutes: input.durationMinutes,
      travel_minutes: input.travelMinutes,
      signed_by: input.signedBy,
      signature_png: signature.base64,
      signed_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      if (!(await closeIntervention(trx, id, changes))) throw changedMeanwhile();
      const entry = await this.time.record(trx, ctx, ticket, terms, {
        userId: visit.technician_id,
        // The day of the visit, on site and on the road: travel is part of the time the visit took. A visit reported
        // before its planned day was done earlier: today, never a day to come.
        workDate: localDateOf(new Date(Math.min(Date.parse(visit.scheduled_start), now.getTime())), terms.timeZone),
        minutes: input.durationMinutes + input.travelMinutes,
        billable: ticket.out_of_scope === 1,
        note: visitNote(terms.locale, visit.site_name, input.travelMinutes),
      });
      await this.tickets.recordEvent(trx, ctx, ticket, 'intervention', {
        visibility: 'public',
        data: {
          interventionId: id,
          action: 'done',
          siteName: visit.site_name,
          durationMinutes: input.durationMinutes,
          travelMinutes: input.travelMinutes,
          signedBy: input.signedBy,
          timeEntryId: entry.id,
        },
      });
      await this.audit.record(trx, ctx, {
        action: 'update',
        objectType: 'intervention',
        objectId: id,
        clientId: visit.client_id,
        before: { status: visit.status, durationMinutes: visit.duration_minutes, travelMinutes: visit.travel_minutes },
        after: {
          status: 'done',
          durationMinutes: input.durationMinutes,
          travelMinutes: input.travelMinutes,
          report: input.report,
          signedBy: input.signedBy,
          signedAt: changes.signed_at,
        },
      });
    });
    return this.get(ctx, id);
  }

  /** The signed report as a PDF, for whoever reads the ticket (client people included). */
  async reportPdf(ctx: Ctx, id: string): Promise<{ filename: string; bytes: Uint8Array }> {
    const { visit, ticket } = await this.readable(ctx, id);
    const signature = visit.status === 'done' ? await findSignature(this.db, id) : null;
    if (visit.status !== 'done' || signature === null || visit.signed_at === null) {
      throw conflict('This visit has no signed report yet');
    }
    const [client, site] = await Promise.all([
      this.lookups.clients.get(systemCtx, visit.client_id),
      this.lookups.sites.get(systemCtx, visit.site_id),
    ]);
    const timeZone = site.timeZone ?? client.timeZone;
    const reference = ticketReference(Number(ticket.number));
    const bytes = await renderInterventionReport({
      locale: client.locale === 'fr' ? 'fr' : 'en',
      timeZone,
      provider: PROVIDER_NAME,
      clientName: client.name,
      site: { name: site.name, addressLines: addressLines(site, client.locale) },
      ticket: { reference, title: ticket.title },
      technician: visit.technician_name,
      scheduledStart: visit.scheduled_start,
      durationMinutes: visit.duration_minutes,
      travelMinutes: visit.travel_minutes,
      report: visit.report ?? '',
      signedBy: visit.signed_by ?? '',
      signedAt: visit.signed_at,
      signaturePng: Buffer.from(signature, 'base64'),
    });
    return { filename: `intervention-${reference}-${localDateOf(new Date(visit.signed_at), timeZone)}.pdf`, bytes };
  }

  private async readable(ctx: Ctx, id: string): Promise<{ visit: InterventionRecord; ticket: TicketRow }> {
    const visit = await findIntervention(this.db, id);
    if (!visit) throw notFound('Intervention');
    const ticket = await this.tickets.readable(ctx, visit.ticket_id).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound('Intervention') : error;
    });
    return { visit, ticket };
  }

  private async workable(ctx: Ctx, id: string): Promise<{ visit: InterventionRecord; ticket: TicketRow }> {
    const { visit } = await this.readable(ctx, id);
    return { visit, ticket: await this.tickets.workable(ctx, visit.ticket_id) };
  }

  private async siteOfClient(siteId: string, clientId: string): Promise<Site> {
    if ((await this.lookups.clients.clientOfSite(siteId)) !== clientId) {
      throw invalid('siteId: not a site of the ticket’s client', [
        { path: ['siteId'], message: 'not a site of the ticket’s client' },
      ]);
    }
    return this.lookups.sites.get(systemCtx, siteId);
  }

  private async checkTechnician(userId: string | null): Promise<string> {
    const refuse = (message: string) => invalid(`technicianId: ${message}`, [{ path: ['technicianId'], message }]);
    if (userId === null) throw refuse('name the technician who visits');
    const user = await this.lookups.users.get(systemCtx, userId).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? refuse('no such user') : error;
    });
    if (isClientRole(user.role as Role)) throw refuse(`${user.name} is not provider staff`);
    if (!user.active) throw refuse(`${user.name}’s account is deactivated`);
    return user.id;
  }
}

/** Visits are for contracts delivered on site (onsite or hybrid); remote contracts have none. */
function assertOnsiteContract(terms: WorkTerms): void {
  const contract = terms.contract;
  if (contract && (contract.delivery === 'onsite' || contract.delivery === 'hybrid')) return;
  const message = contract
    ? `On-site visits need an onsite or hybrid contract; contract ${contract.reference} is delivered remotely`
    : 'On-site visits need an onsite or hybrid contract; this ticket has no contract';
  throw invalid(message, [{ path: ['ticketId'], message }]);
}

function assertPlanned(visit: InterventionRecord): void {
  if (visit.status !== 'planned') throw conflict(`This visit is already ${visit.status}`);
}

function changedMeanwhile(): AppError {
  return conflict('The visit was changed by someone else meanwhile: reload it and try again');
}

function auditView(row: InterventionRow) {
  return {
    ticketId: row.ticket_id,
    siteId: row.site_id,
    technicianId: row.technician_id,
    scheduledStart: row.scheduled_start,
    durationMinutes: row.duration_minutes,
    travelMinutes: row.travel_minutes,
    status: row.status,
  };
}

/** The site's postal address, one line each, the country by name. */
function addressLines(site: Site, locale: string): string[] {
  const a = site.address;
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  let country = a.country ?? null;
  if (country) {
    try {
      country = new Intl.DisplayNames([locale], { type: 'region' }).of(country) ?? country;
    } catch {
      // an unknown code stays as written
    }
  }
  return [a.line1, a.line2, city, country].filter((line): line is string => typeof line === 'string' && line !== '');
}
