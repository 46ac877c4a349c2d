/** A staff member's own daily digest setting (`/me/mail-digest`). */
import type { MailDigestInput, MailDigestSetting } from '@vigie/contracts';
import { type Ctx, isStaff } from '../../../core/actor.js';
import type { Clock } from '../../../core/clock.js';
import { forbidden, unauthorized } from '../../../core/errors.js';
import type { Db } from '../../../db/connection.js';
import { deleteDigestSetting, findDigestSetting, saveDigestSetting } from './digest.repository.js';

const DEFAULT_HOUR = 7;

export class MailDigestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async get(ctx: Ctx): Promise<MailDigestSetting> {
    const userId = this.staffId(ctx);
    const row = await findDigestSetting(this.db, userId);
    return { enabled: row !== undefined, hour: row?.hour ?? DEFAULT_HOUR, lastSentOn: row?.last_sent_on ?? null };
  }

  async set(ctx: Ctx, input: MailDigestInput): Promise<MailDigestSetting> {
    const userId = this.staffId(ctx);
    if (input.enabled) await saveDigestSetting(this.db, userId, input.hour, this.clock.now().toISOString());
    else await deleteDigestSetting(this.db, userId);
    return this.get(ctx);
  }

  private staffId(ctx: Ctx): string {
    if (!ctx.actor.userId) throw unauthorized();
    if (!isStaff(ctx.actor)) throw forbidden('The daily digest is for the provider’s staff');
    return ctx.actor.userId;
  }
}
