/**
 * The monthly SLA report of a client (issue 4 item 5): read as JSON, CSV or PDF by provider staff and the client's
 * managers, mailed to those managers by hand or on schedule (`report-scheduler.ts`). The schedule sends each month
 * once, whatever the number of server processes: the `report_sends` key (client, month) is taken in the same
 * transaction that queues the mails.
 */
import type { SlaReport, SlaReportFileQuery, SlaReportSent } from '@vigie/contracts';
import { currentMonth, isReportMonth, lastCompleteMonth } from '@vigie/domain';
import type { Ctx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { invalidFields, notFound } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import type { OutboundSettings } from '../mail/outbound/outbound-settings.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import type { ReportLocale } from './report-labels.js';
import { buildReportMail } from './report-mail.js';
import { assertCanReadReport, assertCanSendReport } from './reports.policy.js';
import {
  claimReportSend,
  clientForReport,
  recordReportSend,
  reportRecipients,
  setReportMail,
  userLocale,
} from './reports.repository.js';
import { renderSlaReportCsv, reportFileName } from './sla-report.csv.js';
import { buildSlaReport, type ReportClient } from './sla-report.js';
import { renderSlaReportPdf } from './sla-report.pdf.js';

/** The provider's name on the documents it hands to clients. */
const PROVIDER_NAME = 'Vigie';

export interface ReportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

const asLocale = (value: string | null | undefined): ReportLocale | null =>
  value === 'fr' || value === 'en' ? value : null;

export class SlaReportService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly mail: Pick<OutboundSettings, 'supportAddress' | 'relayUrl' | 'publicUrl'>,
  ) {}

  /** The figures of a month (default: the last complete one in the client's zone). */
  async get(ctx: Ctx, clientId: string, month: string | undefined): Promise<SlaReport> {
    assertCanReadReport(ctx.actor, clientId);
    const client = await this.client(clientId);
    const now = this.clock.now();
    return buildSlaReport(this.db, client, this.monthAsked(client, month, now, 'querystring'), now);
  }

  async csv(ctx: Ctx, clientId: string, query: SlaReportFileQuery): Promise<ReportFile> {
    const report = await this.get(ctx, clientId, query.month);
    const locale = await this.readerLocale(ctx, query.lang);
    return {
      filename: reportFileName(report, locale, 'csv'),
      contentType: 'text/csv; charset=utf-8',
      body: renderSlaReportCsv(report, locale),
    };
  }

  async pdf(ctx: Ctx, clientId: string, query: SlaReportFileQuery): Promise<ReportFile> {
    const report = await this.get(ctx, clientId, query.month);
    const locale = await this.readerLocale(ctx, query.lang);
    return {
      filename: reportFileName(report, locale, 'pdf'),
      contentType: 'application/pdf',
      body: await renderSlaReportPdf(report, locale, PROVIDER_NAME),
    };
  }

  /** Mails a complete month's report to the client's managers now (again, if it was sent already). */
  async send(ctx: Ctx, clientId: string, month: string): Promise<SlaReportSent> {
    assertCanSendReport(ctx.actor, clientId);
    const client = await this.client(clientId);
    const now = this.clock.now();
    const chosen = this.monthAsked(client, month, now, 'body');
    if (chosen >= currentMonth(now, client.time_zone)) {
      throw invalidFields([{ path: ['month'], message: 'this month is not over yet: its report is sent once it is' }]);
    }
    const recipients = await reportRecipients(this.db, clientId);
    if (recipients.length === 0) {
      throw invalidFields([{ path: ['month'], message: 'the client has no active client manager to send it to' }]);
    }
    const mails = await this.prepareMails(client, chosen, now, recipients);
    await this.db.transaction().execute(async (trx) => {
      const first = await this.queue(trx, client.id, mails, now);
      await recordReportSend(trx, client.id, chosen, first, now.toISOString());
    });
    return {
      month: chosen,
      sentAt: now.toISOString(),
      recipients: recipients.map((r) => ({ name: r.name, email: r.email, locale: asLocale(r.locale) ?? 'fr' })),
    };
  }

  /**
   * The scheduled send of `month`: true when this call sent it, false when it was sent already (by another process
   * too) or nobody is there to receive it. The PDFs are drawn before the transaction, which only claims and queues.
   */
  async sendScheduled(clientId: string, month: string): Promise<boolean> {
    const client = await clientForReport(this.db, clientId);
    if (!client) return false;
    const recipients = await reportRecipients(this.db, clientId);
    if (recipients.length === 0) return false;
    const now = this.clock.now();
    const mails = await this.prepareMails(client, month, now, recipients);
    return this.db.transaction().execute(async (trx) => {
      if (!(await claimReportSend(trx, client.id, month, now.toISOString()))) return false;
      const first = await this.queue(trx, client.id, mails, now);
      if (first) await setReportMail(trx, client.id, month, first);
      return true;
    });
  }

  private async prepareMails(
    client: ReportClient,
    month: string,
    now: Date,
    recipients: Awaited<ReturnType<typeof reportRecipients>>,
  ) {
    const report = await buildSlaReport(this.db, client, month, now);
    const pdfs = new Map<ReportLocale, Uint8Array>();
    const mails = [];
    for (const person of recipients) {
      const locale = asLocale(person.locale) ?? 'fr';
      let pdf = pdfs.get(locale);
      if (!pdf) {
        pdf = await renderSlaReportPdf(report, locale, PROVIDER_NAME);
        pdfs.set(locale, pdf);
      }
      const content = buildReportMail(report, locale, person.name, this.mail.publicUrl);
      mails.push({
        person,
        locale,
        content,
        file: { fileName: reportFileName(report, locale, 'pdf'), contentType: 'application/pdf', content: pdf },
      });
    }
    return mails;
  }

  /** Queues one mail per manager, in their language; answers the first mail's id. */
  private async queue(trx: Db, clientId: string, mails: Awaited<ReturnType<typeof this.prepareMails>>, now: Date) {
    let first: string | null = null;
    for (const mail of mails) {
      const { id } = await enqueueMail(
        trx,
        {
          kind: 'report',
          to: [{ address: mail.person.email, name: mail.person.name }],
          locale: mail.locale,
          subject: mail.content.subject,
          text: mail.content.text,
          html: mail.content.html,
          clientId,
          userId: mail.person.id,
          attachments: [mail.file],
        },
        { supportAddress: this.mail.supportAddress, now, held: this.mail.relayUrl === null },
      );
      first ??= id;
    }
    return first;
  }

  private async client(clientId: string): Promise<ReportClient> {
    const client = await clientForReport(this.db, clientId);
    if (!client) throw notFound('Client');
    return client;
  }

  /** The month asked for, checked: written YYYY-MM from 1970, and begun in the client's zone. */
  private monthAsked(client: ReportClient, month: string | undefined, now: Date, where: 'querystring' | 'body') {
    const path = where === 'body' ? ['month'] : ['querystring', 'month'];
    if (month === undefined) return lastCompleteMonth(now, client.time_zone);
    if (!isReportMonth(month)) throw invalidFields([{ path, message: 'a month is written YYYY-MM, from 1970 on' }]);
    if (month > currentMonth(now, client.time_zone)) {
      throw invalidFields([{ path, message: 'this month has not begun yet' }]);
    }
    return month;
  }

  /** The language asked for, else the reader's own, else French. */
  private async readerLocale(ctx: Ctx, asked: string | undefined): Promise<ReportLocale> {
    const chosen = asLocale(asked);
    if (chosen) return chosen;
    const own = ctx.actor.userId ? asLocale(await userLocale(this.db, ctx.actor.userId)) : null;
    return own ?? 'fr';
  }
}
