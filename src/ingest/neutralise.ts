// Formula-injection guard for CSV and XLSX exports, and its exact reversal on import.
//
// Rule: a text cell that starts with =, +, - or @, possibly after leading single quotes, gets one more
// leading ' when exported to CSV or XLSX; the importer removes one leading ' from a text cell of a CSV
// or XLSX file when quotes are followed by one of those characters. So "=SUM(A1)" is written
// "'=SUM(A1)" and read back as "=SUM(A1)", and "'=x" is written "''=x" and read back as "'=x".
// JSON Lines are neither neutralised nor reversed. Number, date and flag columns are never touched.
const RISKY = /^'*[=+\-@]/;
const GUARDED = /^'+[=+\-@]/;

export function neutralise(text: string): string {
  return RISKY.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
