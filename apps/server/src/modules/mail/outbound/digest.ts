/**
 * The daily digest: staff who asked for it get one mail a day, at the hour they chose (provider time, Europe/Paris),
 * summing up their desk. `last_sent_on` is set in the transaction that queues the mail, only if it was not set for
 * today yet, so each person gets it once a day even with several server processes.
 */
import type { Clock } from '../../../core/clock.js';
import type { Db } from '../../../db/connection.js';
import { enqueueMail } from '../outbox.repository.js';
import { clientIdsOfTechnician, digestFigures, dueSubscribers, markDigestSent } from './digest.repository.js';
import type { OutboundSettings } from './outbound-settings.js';
import { buildDigestMail } from './templates/digest-mail.js';
import { localeOf } from './templates/ticket-mail-texts.js';

/** The time zone the digest hour is read in: the provider's (DOMAIN: calendars default to Europe/Paris). */
export const DIGEST_TIME_ZONE = 'Europe/Paris';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) and hour of an instant in a time zone (one formatter per zone: they are costly). */
export function localDateAndHour(at: Date, timeZone: string): { date: string; hour: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

export class DigestJob {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly settings: OutboundSettings,
  ) {}

  /** Queues the digests whose hour has come today; returns how many. */
  async queueDue(): Promise<number> {
    const now = this.clock.now();
    const { date, hour } = localDateAndHour(now, DIGEST_TIME_ZONE);
    const subscribers = await dueSubscribers(this.db, date, hour);
    let queued = 0;
    for (const person of subscribers) {
      const scope = person.role === 'technician' ? await clientIdsOfTechnician(this.db, person.user_id) : 'all';
      const figures = await digestFigures(this.db, scope, now);
      const locale = localeOf(person.locale);
      const mail = buildDigestMail(locale, person.name, date, figures, this.settings.publicUrl);
      const done = await this.db.transaction().execute(async (trx) => {
        if (!(await markDigestSent(trx, person.user_id, date))) return false;
        await enqueueMail(
          trx,
          {
            kind: 'digest',
            to: [{ address: person.email, name: person.name }],
            locale,
            ...mail,
            userId: person.user_id,
          },
          { supportAddress: this.settings.supportAddress, now, held: this.settings.relayUrl === null },
        );
        return true;
      });
      if (done) queued += 1;
    }
    return queued;
  }
}
