import type { CheckStatus } from '@vigie/domain';

/**
 * A watched systemd unit as a check status: running (or starting, reloading) is OK; failed is CRITICAL; stopped is
 * CRITICAL too — a unit is watched because it should run; absent from the report is UNKNOWN (not installed?).
 */
export function serviceStatus(
  unit: string,
  state: { active: string; sub: string } | undefined,
): { status: CheckStatus; output: string } {
  if (!state) return { status: 'unknown', output: `${unit}: not found on this machine` };
  const text = `${unit} is ${state.active} (${state.sub})`;
  if (state.active === 'active' || state.active === 'activating' || state.active === 'reloading') {
    return { status: 'ok', output: text };
  }
  return { status: 'critical', output: text };
}
