/**
 * Summarises a V8 .cpuprofile (as written by `node --cpu-prof`, e.g. `run.ts --cpu-prof DIR`):
 * top functions by self time, top functions by inclusive time, and self time per package.
 *
 *   node --import tsx bench/api-list/profile-summary.ts FILE.cpuprofile [--top 40] [--skip-ms 8000] [--until-ms 3000]
 *
 * --skip-ms leaves out the first milliseconds of the profile (start-up and warm-up) so that only the load counts;
 * --until-ms stops there (`--until-ms 3000` alone: the start-up).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

// Piping into `head` closes stdout early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '40' },
    'skip-ms': { type: 'string', default: '0' },
    'until-ms': { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: profile-summary.ts FILE.cpuprofile [--top N]\n');
  process.exit(2);
}
const top = Number(values.top);
const skipMicros = Number(values['skip-ms']) * 1000;
const untilMicros = values['until-ms'] ? Number(values['until-ms']) * 1000 : Number.POSITIVE_INFINITY;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map<number, ProfileNode>();
const parentOf = new Map<number, number>();
for (const node of profile.nodes) {
  byId.set(node.id, node);
  for (const child of node.children ?? []) parentOf.set(child, node.id);
}

/** Where a script comes from: a package, the server's own code, Node's internals, or V8 pseudo-frames. */
function packageOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'anonymous'})`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  if (url.startsWith('node:')) return 'node (internal)';
  const own = /\/(apps\/[^/]+|packages\/[^/]+)\//.exec(url);
  if (own?.[1]) return own[1];
  return url;
}

function shortUrl(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '~/')
    .replace(/^.*\/work\/main\//, '');
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const perPackage = new Map<string, number>();
let total = 0;
let elapsed = 0;
let counted = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  const delta = profile.timeDeltas[i] ?? 0;
  elapsed += delta;
  if (elapsed < skipMicros) continue;
  if (elapsed > untilMicros) break;
  counted++;
  const node = byId.get(id);
  if (!node) continue;
  total += delta;
  const key = keyOf(node);
  self.set(key, (self.get(key) ?? 0) + delta);
  const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
  perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + delta);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at);
    if (!frame) break;
    const k = keyOf(frame);
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + delta);
  }
}

function table(title: string, entries: Map<string, number>, limit: number): void {
  process.stdout.write(`\n${title}\n`);
  const rows = [...entries.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [key, micros] of rows) {
    const pct = ((micros / total) * 100).toFixed(1).padStart(5);
    const ms = (micros / 1000).toFixed(0).padStart(7);
    process.stdout.write(`${pct}% ${ms} ms  ${key}\n`);
  }
}

const idle = self.get('(idle)') ?? 0;
process.stdout.write(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled (${counted} samples), ${(((total - idle) / total) * 100).toFixed(0)}% busy\n`,
);
table('Self time by package', perPackage, 25);
table(`Top ${top} functions by self time`, self, top);
table(`Top ${top} functions by inclusive time`, inclusive, top);
