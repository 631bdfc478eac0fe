// Local date and time in an organisation's zone <-> UTC instants, for what the planner enters and sees.

function parts(ms: number, zone: string): { date: string; time: string } {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const p = f.formatToParts(ms);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '00';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The zone's offset from UTC in minutes at an instant. */
function offsetAt(ms: number, zone: string): number {
  const p = parts(ms, zone);
  return Math.round((Date.parse(`${p.date}T${p.time}:00Z`) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** The date (YYYY-MM-DD) and time (HH:mm) of an instant in a zone. */
export function zonedParts(instant: string, zone: string): { date: string; time: string } {
  return parts(Date.parse(instant), zone);
}

/**
 * The UTC instant (ISO 8601) of a local date and time in a zone. A time skipped by a clock change
 * moves forward by the change; a repeated time takes its first occurrence.
 */
export function zonedInstant(date: string, time: string, zone: string): string | null {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) return null;
  // Try the offsets around the naive guess; keep the earliest instant that shows the wanted wall time.
  const candidates = [offsetAt(naive - 86_400_000, zone), offsetAt(naive, zone), offsetAt(naive + 86_400_000, zone)];
  const hits = candidates.map((o) => naive - o * 60_000).filter((ms) => { const p = parts(ms, zone); return p.date === date && p.time === time; });
  const ms = hits.length ? Math.min(...hits) : naive - (candidates[0] ?? 0) * 60_000;
  return new Date(ms).toISOString();
}
