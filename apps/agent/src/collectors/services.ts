import type { BatchItem } from '../protocol.js';
import { runProgram } from '../run-program.js';

type Services = Extract<BatchItem, { type: 'services' }>;
type Unit = Services['units'][number];

/** `systemctl list-units --plain --no-legend` lines: `unit load active sub description…` (a failed one may start with ●). */
export function parseListUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const line of text.split('\n')) {
    const [name, _load, active, sub] = line
      .replace(/^\s*●\s*/, '')
      .trim()
      .split(/\s+/);
    if (name && active && sub) units.push({ name, active, sub });
  }
  return units;
}

/** `nginx` and `nginx.service` name the same unit. */
function unitName(name: string): string {
  return name.includes('.') ? name : `${name}.service`;
}

/** The configured units (a missing one is reported inactive/not-found) and every failed one, each once. */
export function selectUnits(all: Unit[], configured: readonly string[]): Unit[] {
  const byName = new Map(all.map((unit) => [unit.name, unit]));
  const selected = new Map<string, Unit>();
  for (const wanted of configured.map(unitName)) {
    selected.set(wanted, byName.get(wanted) ?? { name: wanted, active: 'inactive', sub: 'not-found' });
  }
  for (const unit of all) if (unit.active === 'failed') selected.set(unit.name, unit);
  return [...selected.values()].slice(0, 2000);
}

/** Service states from systemd, or null where there is no systemd (a container): then no item is sent. */
export async function collectServices(configured: readonly string[], now = () => new Date()): Promise<Services | null> {
  const result = await runProgram(['systemctl', 'list-units', '--type=service', '--all', '--plain', '--no-legend'], {
    timeoutMs: 30_000,
    maxOutputChars: 4 * 1024 * 1024,
  });
  if (result.exitCode !== 0) return null;
  return { type: 'services', at: now().toISOString(), units: selectUnits(parseListUnits(result.stdout), configured) };
}
