/** A duration as people write it: "1 h 30", "2 h", "45 min". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const total = Math.abs(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${sign}${m} min`;
  return `${sign}${m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`}`;
}
