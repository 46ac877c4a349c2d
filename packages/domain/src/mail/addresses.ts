/** Mail addresses and domains as Vigie compares them: trimmed and lower-case (domains are case-insensitive, and
 * every mail system in use treats local parts so too). */

const ADDRESS = /^[^\s@<>()",;:]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/;

/** `" Claire.Dubois@ACME.fr "` → `claire.dubois@acme.fr`; null for something that is not one address. */
export function normalizeAddress(value: string | null | undefined): string | null {
  if (!value) return null;
  const address = value.trim().replace(/^<|>$/g, '').toLowerCase();
  return address.length <= 254 && ADDRESS.test(address) ? address : null;
}

/** The domain of a normalized address. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** Whether one of the addresses is ours (To or Cc naming the helpdesk). */
export function namesAddress(addresses: readonly string[], own: readonly string[]): boolean {
  return addresses.some((a) => own.includes(a));
}
