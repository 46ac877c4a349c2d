import { describe, expect, it } from 'vitest';
import { escalationProblems } from './escalation.js';
import { escalationTargets, handsOverToProvider, inHouseEntryLevel, inHouseLevels, isHeldInHouse } from './in-house.js';

describe('tickets handled in-house', () => {
  it('sit at the levels the client keeps below the provider’s entry level', () => {
    expect(inHouseLevels([2, 3])).toEqual([1]);
    expect(inHouseLevels([3])).toEqual([1, 2]);
    expect(inHouseEntryLevel([2, 3])).toBe(1);
    expect(inHouseEntryLevel([3])).toBe(1);
  });

  it('do not exist when the provider delivers N1, or when the kept level is above a delivered one', () => {
    expect(inHouseEntryLevel([1, 2, 3])).toBeNull();
    // keeps N2 only: N1 is the provider's, so nothing starts below it
    expect(inHouseEntryLevel([1, 3])).toBeNull();
    expect(inHouseEntryLevel([])).toBeNull();
  });

  it('are held by the client until they reach a delivered level, when the provider takes over', () => {
    expect(isHeldInHouse(1, 2)).toBe(true);
    expect(isHeldInHouse(2, 2)).toBe(false);
    expect(handsOverToProvider(1, 2, 2)).toBe(true);
    expect(handsOverToProvider(1, 2, 3)).toBe(false);
    expect(handsOverToProvider(2, 3, 3)).toBe(true);
    expect(handsOverToProvider(2, 3, 2)).toBe(false);
  });

  it('may go up through kept levels, then to delivered ones', () => {
    expect(escalationTargets([3])).toEqual([1, 2, 3]);
    expect(escalationTargets([2, 3])).toEqual([1, 2, 3]);
    const delivered = [3] as const;
    const diagnosis = 'Printer driver reinstalled, still fails on every job';
    expect(
      escalationProblems({ fromLevel: 1, toLevel: 2, diagnosis, levelsDelivered: escalationTargets(delivered) }),
    ).toEqual([]);
    expect(escalationProblems({ fromLevel: 1, toLevel: 2, diagnosis, levelsDelivered: delivered })).toHaveLength(1);
  });
});
