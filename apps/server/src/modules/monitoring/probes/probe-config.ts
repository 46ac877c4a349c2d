import type { CheckConfig } from '@vigie/contracts';

/** The settings of one server-run kind of check, narrowed from the contract's discriminated union. */
export type ProbeConfig<K extends CheckConfig['kind']> = Extract<CheckConfig, { kind: K }>;

/** host:port as people write it, with brackets around an IPv6 literal ("[::1]:443"). */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
