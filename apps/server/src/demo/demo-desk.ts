/**
 * The demo's stories are told through the real services on a clock that walks through the past: `desk` is the set
 * of services on that clock, `as(email)` the context of a demo person (looked up once).
 */
import type { Ctx } from '../core/actor.js';
import { ManualClock } from '../core/clock.js';
import { buildServices, type Services } from '../http/services.js';

export function demoDesk(services: Services, now: Date) {
  const clock = new ManualClock(now);
  const desk = buildServices(services.db, clock, { sessionHours: 12, maxFailures: 5, lockMinutes: 15 });
  const actors = new Map<string, Ctx>();
  const as = async (email: string): Promise<Ctx> => {
    let ctx = actors.get(email);
    if (!ctx) {
      const actor = await services.auth.actorByEmail(email);
      if (!actor) throw new Error(`demo person ${email} is missing`);
      ctx = { actor, requestId: null };
      actors.set(email, ctx);
    }
    return ctx;
  };
  return { clock, desk, as };
}
