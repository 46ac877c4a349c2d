import type { Contract, ContractInput } from '../api/types';
import type { ContractKind, ContractStatus, DeliveryMode, Priority, ScopeDomain, SupportLevel, Weekday } from './enums';
import { PRIORITIES, WEEKDAYS } from './enums';

export interface Interval {
  start: string;
  end: string;
}

export interface CalendarValues {
  timeZone: string;
  alwaysOpen: boolean;
  weekly: Record<Weekday, Interval[]>;
  holidayRegion: string;
  closedDays: string[];
}

export interface SlaValues {
  targets: Record<Priority, { ttoMinutes: number; ttrMinutes: number; aroundTheClock: boolean }>;
  warningPercent: number;
}

export interface HourBankValues {
  enabled: boolean;
  hours: number;
  warningPercent: number;
  rollover: 'none' | 'next_period';
  period: 'month' | 'quarter' | 'year' | 'contract';
}

export interface ContractValues {
  reference: string;
  name: string;
  kind: ContractKind;
  delivery: DeliveryMode;
  scopeDomains: ScopeDomain[];
  supportLevels: SupportLevel[];
  startsOn: string;
  endsOn: string;
  autoRenew: boolean;
  renewalNoticeDays: number;
  status: ContractStatus;
  notes: string;
  sla: SlaValues;
  calendar: CalendarValues;
  hourBank: HourBankValues;
}

function emptyWeek(): Record<Weekday, Interval[]> {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

/** The usual French office week (same as the domain's default calendar). */
export function defaultCalendarValues(timeZone = 'Europe/Paris'): CalendarValues {
  const weekly = emptyWeek();
  for (const day of [1, 2, 3, 4, 5] as const) {
    weekly[day] = [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ];
  }
  return { timeZone, alwaysOpen: false, weekly, holidayRegion: 'FR', closedDays: [] };
}

/** The domain's standard SLA policy: P1 30 min / 4 h around the clock … P4 8 h / 80 h. */
export function defaultSlaValues(): SlaValues {
  return {
    targets: {
      P1: { ttoMinutes: 30, ttrMinutes: 240, aroundTheClock: true },
      P2: { ttoMinutes: 60, ttrMinutes: 480, aroundTheClock: false },
      P3: { ttoMinutes: 240, ttrMinutes: 1440, aroundTheClock: false },
      P4: { ttoMinutes: 480, ttrMinutes: 4800, aroundTheClock: false },
    },
    warningPercent: 75,
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function contractValues(contract: Contract | undefined, clientTimeZone: string): ContractValues {
  if (!contract) {
    return {
      reference: '',
      name: '',
      kind: 'total',
      delivery: 'remote',
      scopeDomains: [],
      supportLevels: [1, 2, 3],
      startsOn: today(),
      endsOn: '',
      autoRenew: true,
      renewalNoticeDays: 90,
      status: 'active',
      notes: '',
      sla: defaultSlaValues(),
      calendar: defaultCalendarValues(clientTimeZone),
      hourBank: { enabled: false, hours: 100, warningPercent: 80, rollover: 'none', period: 'year' },
    };
  }
  const weekly = emptyWeek();
  for (const interval of contract.calendar.weekly) {
    weekly[interval.day].push({ start: interval.start, end: interval.end });
  }
  return {
    reference: contract.reference,
    name: contract.name,
    kind: contract.kind,
    delivery: contract.delivery,
    scopeDomains: contract.scopeDomains,
    supportLevels: contract.supportLevels,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn ?? '',
    autoRenew: contract.autoRenew,
    renewalNoticeDays: contract.renewalNoticeDays,
    status: contract.status,
    notes: contract.notes ?? '',
    sla: { targets: contract.slaPolicy.targets, warningPercent: contract.slaPolicy.warningPercent },
    calendar: {
      timeZone: contract.calendar.timeZone,
      alwaysOpen: contract.calendar.alwaysOpen,
      weekly,
      holidayRegion: contract.calendar.holidayRegion ?? '',
      closedDays: contract.calendar.closedDays,
    },
    hourBank: contract.hourBank
      ? { enabled: true, ...contract.hourBank }
      : { enabled: false, hours: 100, warningPercent: 80, rollover: 'none', period: 'year' },
  };
}

/** Weekly intervals in the order sent to the API; the index of each is what error paths (`calendar.weekly.N`) name. */
export function flattenWeekly(weekly: Record<Weekday, Interval[]>) {
  return WEEKDAYS.flatMap((day) => weekly[day].map((interval, position) => ({ day, position, ...interval })));
}

export function contractInput(v: ContractValues, olaMinutes: Contract['slaPolicy']['olaMinutes'] = {}): ContractInput {
  const targets = Object.fromEntries(PRIORITIES.map((p) => [p, { ...v.sla.targets[p] }])) as SlaValues['targets'];
  return {
    reference: v.reference,
    name: v.name,
    kind: v.kind,
    delivery: v.delivery,
    scopeDomains: v.scopeDomains,
    supportLevels: [...v.supportLevels].sort(),
    slaPolicy: { targets, warningPercent: v.sla.warningPercent, olaMinutes },
    calendar: {
      timeZone: v.calendar.timeZone,
      alwaysOpen: v.calendar.alwaysOpen,
      weekly: flattenWeekly(v.calendar.weekly).map(({ day, start, end }) => ({ day, start, end })),
      holidayRegion: v.calendar.holidayRegion.trim() === '' ? null : v.calendar.holidayRegion.trim(),
      closedDays: v.calendar.closedDays,
    },
    hourBank: v.hourBank.enabled
      ? {
          hours: v.hourBank.hours,
          warningPercent: v.hourBank.warningPercent,
          rollover: v.hourBank.rollover,
          period: v.hourBank.period,
        }
      : null,
    startsOn: v.startsOn,
    endsOn: v.endsOn === '' ? null : v.endsOn,
    autoRenew: v.autoRenew,
    renewalNoticeDays: v.renewalNoticeDays,
    status: v.status,
    notes: v.notes.trim() === '' ? null : v.notes,
  };
}

/** Entry level and levels the client keeps, derived as the server does. */
export function levelsSummary(levels: readonly SupportLevel[]) {
  const entry = levels.length > 0 ? (Math.min(...levels) as SupportLevel) : null;
  const kept = ([1, 2, 3] as const).filter((level) => !levels.includes(level));
  return { entry, kept };
}

/** Splits minutes into hours and minutes for display and edit. */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

export function formatMinutes(total: number): string {
  const { hours, minutes } = splitMinutes(total);
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}
