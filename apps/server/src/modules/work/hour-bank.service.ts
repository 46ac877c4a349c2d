import type { Contract, HourBankUsage } from '@vigie/contracts';
import {
  carriedOverMinutes,
  type HourBank,
  hourBankCrossing,
  hourBankFigures,
  hourBankPeriod,
  localDateOf,
  previousHourBankPeriod,
} from '@vigie/domain';
import { type Ctx, systemCtx } from '../../core/actor.js';
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/connection.js';
import { billableMinutes, lockContractHours } from './time-entries.repository.js';
import type { WorkLookups } from './work-dependencies.js';

/** The parts of a contract an hour bank is counted from. */
export type BankedContract = Pick<Contract, 'id' | 'reference' | 'hourBank' | 'startsOn' | 'endsOn'> & {
  hourBank: HourBank;
};

/** Where a contract's hour bank stands on a date (the period containing that date, in the client's time zone). */
export async function hourBankUsageOn(db: Db, contract: BankedContract, date: string): Promise<HourBankUsage> {
  const bank = contract.hourBank;
  const period = hourBankPeriod(bank.period, contract.startsOn, contract.endsOn, date);
  const used = await periodMinutes(db, contract, period);
  const carried = await carriedInto(db, contract, period);
  const figures = hourBankFigures(bank, used, carried);
  return {
    contractId: contract.id,
    period: bank.period,
    periodStart: period.start,
    periodEnd: period.end,
    hours: bank.hours,
    rollover: bank.rollover,
    carriedOverMinutes: carried,
    availableMinutes: figures.availableMinutes,
    usedMinutes: figures.usedMinutes,
    remainingMinutes: figures.remainingMinutes,
    warningPercent: bank.warningPercent,
    warning: figures.warning,
    exhausted: figures.exhausted,
  };
}

async function carriedInto(db: Db, contract: BankedContract, period: ReturnType<typeof hourBankPeriod>) {
  const bank = contract.hourBank;
  if (bank.rollover !== 'next_period') return 0;
  const previous = previousHourBankPeriod(bank.period, contract.startsOn, contract.endsOn, period);
  const usedBefore = previous ? await periodMinutes(db, contract, previous) : null;
  return carriedOverMinutes(bank, usedBefore);
}

/**
 * Billable minutes of a period, counted as `hourBankPeriod` places dates: those before the contract's start in its
 * first period, those after its end in its last.
 */
function periodMinutes(db: Db, contract: BankedContract, period: ReturnType<typeof hourBankPeriod>) {
  const from = period.start === contract.startsOn ? null : period.start;
  const to = period.end !== null && period.end === contract.endsOn ? null : period.end;
  return billableMinutes(db, contract.id, from, to);
}

/**
 * Which thresholds a billable entry about to be written crosses, in the writer's transaction (the contract is
 * locked first, so that concurrent entries see each other).
 */
export async function hourBankCrossingOf(
  trx: Db,
  contract: BankedContract,
  workDate: string,
  minutes: number,
): Promise<{ warning: boolean; exhausted: boolean; usage: HourBankUsage }> {
  await lockContractHours(trx, contract.id);
  const before = await hourBankUsageOn(trx, contract, workDate);
  const crossing = hourBankCrossing(contract.hourBank, before.usedMinutes, minutes, before.carriedOverMinutes);
  const after = hourBankFigures(contract.hourBank, before.usedMinutes + minutes, before.carriedOverMinutes);
  return { ...crossing, usage: { ...before, ...after } };
}

/** Prepaid hours: how much of the current period a contract has used. */
export class HourBankService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lookups: Pick<WorkLookups, 'contracts' | 'clients'>,
  ) {}

  /** Readable by whoever reads the contract (staff of the client, its client manager); 404 without a bank. */
  async usage(ctx: Ctx, contractId: string): Promise<HourBankUsage> {
    const contract = await this.lookups.contracts.get(ctx, contractId);
    if (!contract.hourBank) throw new AppError(404, 'not_found', 'This contract has no hour bank');
    const client = await this.lookups.clients.get(systemCtx, contract.clientId);
    const today = localDateOf(this.clock.now(), client.timeZone);
    return hourBankUsageOn(this.db, { ...contract, hourBank: contract.hourBank }, today);
  }
}
