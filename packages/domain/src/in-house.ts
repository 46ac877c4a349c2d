/**
 * Tickets the client's own IT handles (DOMAIN §1 `client_it`, §2 "the client keeps N1 in-house"). A client that keeps
 * the lowest levels works a ticket there itself; the provider's SLA clocks do not run while the client holds it, and
 * start when the client escalates it to the first level the provider delivers.
 *
 * Model: a ticket's `entryLevel` stays the provider's entry level (the lowest level the contract delivers); a ticket
 * whose level is below it is held in-house.
 */
import { entrySupportLevel } from './contract.js';
import type { SupportLevel } from './roles.js';

/** Levels the client keeps below the provider's entry level: where an in-house ticket may sit (N1 when N2+ are delivered). */
export function inHouseLevels(levelsDelivered: readonly SupportLevel[]): SupportLevel[] {
  const entry = entrySupportLevel(levelsDelivered);
  if (entry === null) return [];
  return ([1, 2, 3] as const).filter((level) => level < entry);
}

/** The level a ticket handled in-house starts at (the lowest kept level), or null when the client keeps none below. */
export function inHouseEntryLevel(levelsDelivered: readonly SupportLevel[]): SupportLevel | null {
  return inHouseLevels(levelsDelivered)[0] ?? null;
}

/** Whether the client's IT holds a ticket at this level: below the level the provider's work starts at. */
export function isHeldInHouse(level: SupportLevel, providerEntryLevel: SupportLevel): boolean {
  return level < providerEntryLevel;
}

/**
 * Whether an escalation hands the ticket from the client's IT to the provider: from a kept level to a delivered
 * one. The provider's clocks start at that moment.
 */
export function handsOverToProvider(
  fromLevel: SupportLevel,
  toLevel: SupportLevel,
  providerEntryLevel: SupportLevel,
): boolean {
  return isHeldInHouse(fromLevel, providerEntryLevel) && !isHeldInHouse(toLevel, providerEntryLevel);
}

/**
 * The levels a ticket may be escalated to: those the contract delivers, and for a ticket still held in-house the
 * kept levels above it (N1 → N2 inside the client's IT when it keeps both).
 */
export function escalationTargets(levelsDelivered: readonly SupportLevel[]): SupportLevel[] {
  return [...inHouseLevels(levelsDelivered), ...levelsDelivered].sort((a, b) => a - b);
}
