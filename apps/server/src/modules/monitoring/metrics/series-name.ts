/**
 * Names of metric series. One series per asset and name; what distinguishes several values of one measurement
 * (a mount point, an interface, a check) goes in brackets after the name, so that `disk.used_percent*` asks for every
 * disk of an asset and `check.latency_ms*` for the latency of every check on it.
 */

/** Longest stored series name: the agent's name (100) and instance (200), the brackets. */
export const SERIES_NAME_MAX = 302;

/** An agent's measurement as a series name: `cpu.percent`, `disk.used_percent[/var]`. */
export function seriesName(name: string, instance?: string | null): string {
  return instance ? `${name}[${instance}]` : name;
}

/**
 * A server check's figure (`latency_ms`, `cert_days_left`…) as a series of the check's asset:
 * `check.latency_ms[<checkId>]`. The check id, not its label, so that renaming a check keeps its history.
 */
export function checkSeriesName(checkId: string, metric: string): string {
  return seriesName(`check.${metric}`, checkId);
}

/** A chart's request: exact names, and prefixes for the ones that end with `*`. */
export interface NameFilter {
  exact: Set<string>;
  prefixes: string[];
}

/** Parses `cpu.percent,disk.used_percent*`; empty parts are ignored. */
export function parseNameFilter(names: string[]): NameFilter {
  const filter: NameFilter = { exact: new Set(), prefixes: [] };
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    if (name.endsWith('*')) filter.prefixes.push(name.slice(0, -1));
    else filter.exact.add(name);
  }
  return filter;
}

/** Whether a stored series answers the request. */
export function matchesFilter(filter: NameFilter, name: string): boolean {
  return filter.exact.has(name) || filter.prefixes.some((prefix) => name.startsWith(prefix));
}
