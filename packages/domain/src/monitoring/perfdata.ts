/**
 * A Nagios plugin's output (DOMAIN §6): `text|perfdata`, perfdata being space-separated
 * `'label'=value[UOM];[warn];[crit];[min];[max]` (labels quoted with ' when they hold spaces, '' for a quote).
 * Output that breaks the grammar never throws: the parsed metrics are kept and each bad item is reported, so the
 * check can be UNKNOWN with a clear reason instead of crashing the ingest.
 */
export interface PerfMetric {
  label: string;
  value: number;
  /** '', s, ms, us, %, B, KB, MB, TB, c (counter), or anything else the plugin wrote. */
  uom: string;
  warn: string | null;
  crit: string | null;
  min: number | null;
  max: number | null;
}

export interface PluginOutput {
  /** The first line's text before `|`, trimmed (what people read). */
  summary: string;
  metrics: PerfMetric[];
  /** Items of the perfdata that do not follow the grammar, with why. */
  problems: string[];
}

const ITEM =
  /^('(?:[^']|'')+'|[^'=\s][^=\s]*)=(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|U)([^;\d\s-][^;\s]*)?(?:;([^;\s]*))?(?:;([^;\s]*))?(?:;([^;\s]*))?(?:;([^;\s]*))?$/;

/** Splits perfdata on spaces outside quoted labels. */
function items(perfdata: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of perfdata) {
    if (char === "'") quoted = !quoted;
    if (/\s/.test(char) && !quoted) {
      if (current) out.push(current);
      current = '';
    } else current += char;
  }
  if (current) out.push(current);
  return out;
}

const numberOrNull = (text: string | undefined): number | null => {
  if (text === undefined || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

export function parsePluginOutput(output: string): PluginOutput {
  const lines = output.replace(/\r\n?/g, '\n').split('\n');
  const [firstText = '', firstPerf = ''] = (lines[0] ?? '').split(/\|(.*)/s);
  // Long output (further lines) may carry more perfdata after its own `|`.
  const rest = lines.slice(1).join('\n');
  const longPerf = rest.includes('|') ? rest.slice(rest.indexOf('|') + 1) : '';
  const metrics: PerfMetric[] = [];
  const problems: string[] = [];
  for (const item of items(`${firstPerf} ${longPerf}`)) {
    const m = ITEM.exec(item);
    if (!m) {
      problems.push(`"${item.slice(0, 80)}" is not 'label'=value[UOM];warn;crit;min;max`);
      continue;
    }
    if (m[2] === 'U') continue; // the plugin could not measure it: no value, not an error
    const rawLabel = m[1] as string;
    const label = rawLabel.startsWith("'") ? rawLabel.slice(1, -1).replace(/''/g, "'") : rawLabel;
    metrics.push({
      label,
      value: Number(m[2]),
      uom: m[3] ?? '',
      warn: m[4] || null,
      crit: m[5] || null,
      min: numberOrNull(m[6]),
      max: numberOrNull(m[7]),
    });
  }
  return { summary: firstText.trim(), metrics, problems };
}
