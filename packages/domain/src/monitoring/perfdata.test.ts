import { describe, expect, it } from 'vitest';
import { alertImpact, alertUrgency } from './alert-priority.js';
import { parsePluginOutput } from './perfdata.js';

describe('plugin output', () => {
  it('reads check_disk style perfdata with units, thresholds and bounds', () => {
    const out = parsePluginOutput(
      "DISK OK - free space: / 3326 MB (56%);| /=2643MB;5948;5958;0;5968 '/var log'=12%;80;90",
    );
    expect(out.summary).toBe('DISK OK - free space: / 3326 MB (56%);');
    expect(out.problems).toEqual([]);
    expect(out.metrics).toEqual([
      { label: '/', value: 2643, uom: 'MB', warn: '5948', crit: '5958', min: 0, max: 5968 },
      { label: '/var log', value: 12, uom: '%', warn: '80', crit: '90', min: null, max: null },
    ]);
  });

  it('reads ranges, negative and exponent values, U, and perfdata of the long output', () => {
    const out = parsePluginOutput("PING OK|rta=0.05ms;@10:20;~:50 temp=-3.5 big=1.2e3c x=U\nline two|'it''s'=1s");
    expect(out.metrics.map((m) => [m.label, m.value, m.uom, m.warn, m.crit])).toEqual([
      ['rta', 0.05, 'ms', '@10:20', '~:50'],
      ['temp', -3.5, '', null, null],
      ['big', 1200, 'c', null, null],
      ["it's", 1, 's', null, null],
    ]);
    expect(out.problems).toEqual([]);
  });

  it('keeps what it can of broken perfdata and says what was wrong, never throws', () => {
    const out = parsePluginOutput('HTTP OK|time=0.2s size=abc =5 load1=0.5;;;;;;extra');
    expect(out.metrics.map((m) => m.label)).toEqual(['time']);
    expect(out.problems).toHaveLength(3);
    expect(parsePluginOutput('').summary).toBe('');
    expect(parsePluginOutput("no perfdata at all 'quote").metrics).toEqual([]);
  });
});

describe('alert priority inputs', () => {
  it('takes impact from the criticality and urgency from the severity', () => {
    // Criticality 4 (vital) is impact 1 (very high); out-of-range values are clamped.
    expect([1, 2.4, 4, 9, 0].map(alertImpact)).toEqual([4, 3, 1, 1, 4]);
    expect((['critical', 'warning', 'unknown'] as const).map(alertUrgency)).toEqual([1, 2, 3]);
  });
});
