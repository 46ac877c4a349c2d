/** Words of alerts as tickets and timelines show them (the console translates its own labels; these are stored). */
export function alertTitle(severity: string, assetName: string, checkName: string): string {
  return `[${severity.toUpperCase()}] ${assetName} — ${checkName}`.slice(0, 200);
}

export function alertSummary(checkName: string, output: string): string {
  const text = output.trim() || 'no output';
  return `${checkName}: ${text}`.slice(0, 500);
}

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
