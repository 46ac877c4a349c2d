import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

/** Where the agent's sources are: the @vigie/agent workspace package, found the way node finds any package. */
function agentRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('@vigie/agent/package.json'));
}

let bundle: Promise<Buffer> | null = null;

/**
 * The agent as one file runnable with a plain `node` ≥ 18, built from apps/agent/src with esbuild on the first
 * request and kept in memory (about 0.5 MB; a few hundred milliseconds to build). The same options as
 * apps/agent/scripts/bundle.mjs. A failed build is not cached: the next request tries again.
 */
export function agentBundle(): Promise<Buffer> {
  bundle ??= build({
    entryPoints: [join(agentRoot(), 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  }).then(
    (result) => {
      const output = result.outputFiles[0];
      if (!output) throw new Error('esbuild produced no output for the agent');
      return Buffer.from(output.contents);
    },
    (error: unknown) => {
      bundle = null;
      throw error;
    },
  );
  return bundle;
}

/** The systemd unit the install script puts in /etc/systemd/system (apps/agent/packaging). */
export function agentUnitFile(): Promise<string> {
  return readFile(join(agentRoot(), 'packaging', 'vigie-agent.service'), 'utf8');
}
