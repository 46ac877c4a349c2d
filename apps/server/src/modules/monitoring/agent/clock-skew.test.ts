import { describe, expect, it } from 'vitest';
import { ClockSkew } from './clock-skew.js';

const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 12, 0, s));

describe('an agent clock offset seen through transit delays', () => {
  it('corrects a clock two hours late from its first batch', () => {
    const skew = new ClockSkew();
    expect(skew.shiftFor('a', at(0), new Date(at(0).getTime() + 7_200_000))).toBe(7_200_000);
  });

  it('corrects a clock ahead, and ignores differences within a minute', () => {
    const skew = new ClockSkew();
    expect(skew.shiftFor('a', at(0), new Date(at(0).getTime() - 300_000))).toBe(-300_000);
    expect(new ClockSkew().shiftFor('b', at(0), at(45))).toBe(0);
  });

  it('does not take one request delayed 70 s (a stalled server) for a late clock', () => {
    const skew = new ClockSkew();
    for (let i = 0; i < 5; i++) skew.shiftFor('a', at(i), at(i));
    expect(skew.shiftFor('a', at(5), at(75))).toBe(0);
  });
});
