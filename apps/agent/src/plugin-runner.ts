import type { AgentPluginConfig, BatchItem } from './protocol.js';
import { runProgram } from './run-program.js';

type CheckItem = Extract<BatchItem, { type: 'check' }>;

/** Nagios plugins print one line and perfdata; 8,000 characters is the protocol's bound (and Nagios's own). */
export const PLUGIN_OUTPUT_MAX = 8000;

/**
 * Runs a Nagios-compatible plugin from its argv (no shell) and reports its exit code and output. Killed at its timeout:
 * then the exit code is null and the output says so; one that cannot start says why, also with a null exit code.
 */
export async function runPlugin(plugin: AgentPluginConfig, now = () => new Date()): Promise<CheckItem> {
  const at = now().toISOString();
  const result = await runProgram(plugin.command, {
    timeoutMs: plugin.timeoutSeconds * 1000,
    maxOutputChars: PLUGIN_OUTPUT_MAX,
  });
  let output = [result.stdout.trim(), result.stderr.trim()].filter(Boolean).join('\n');
  if (result.timedOut) output = `plugin timed out after ${plugin.timeoutSeconds} s${output ? `: ${output}` : ''}`;
  else if (result.startError) output = `plugin could not start: ${result.startError}`;
  return {
    type: 'check',
    checkId: plugin.checkId,
    at,
    exitCode: result.exitCode,
    output: output.slice(0, PLUGIN_OUTPUT_MAX),
    durationMs: result.durationMs,
  };
}
