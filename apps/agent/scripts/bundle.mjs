#!/usr/bin/env node
// Builds the agent as one file (dist/vigie-agent.mjs) that runs with a plain `node` ≥ 18 and nothing installed:
// what the one-line install copies to a machine. The server builds the same bundle in memory for GET /agent/vigie-agent.mjs.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'dist'), { recursive: true });
const outfile = join(root, 'dist', 'vigie-agent.mjs');
const result = await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node18',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`${outfile}: ${Math.round(bytes / 1024)} KB\n`);
