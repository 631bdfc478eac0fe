// Text helpers for chart options: escaping for HTML tooltips and locale number formats (no DOM needed).
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function numberFormat(locale: string, digits = 0): (n: number) => string {
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (n) => f.format(n);
}

export function dateFormat(locale: string): (d: string) => string {
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (d) => f.format(new Date(`${d}T00:00:00Z`));
}
