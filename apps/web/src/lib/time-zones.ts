let cached: string[] | null = null;

/** IANA time zones the browser knows, for time-zone selects. */
export function timeZones(): string[] {
  if (!cached) {
    try {
      cached = Intl.supportedValuesOf('timeZone');
    } catch {
      cached = ['Europe/Paris', 'UTC'];
    }
    if (!cached.includes('UTC')) cached = [...cached, 'UTC'];
  }
  return cached;
}
