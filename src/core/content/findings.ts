// What a content check reports: one finding per broken rule, with where it is and what to do.
export type Severity = 'error' | 'warning';

/** A range of the checked text in JavaScript string indices (UTF-16 code units), end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Finding {
  /** Stable id of the rule, e.g. `x.text.too_long`; the web app translates by it. */
  rule: string;
  severity: Severity;
  /** Plain English explanation for the composer. */
  message: string;
  /** Which part of the variant the finding is about: `text`, `title`, `firstComment`, `link` or `media.N`. */
  field?: string;
  position?: Span;
  limit?: number;
  actual?: number;
  suggestion?: string;
}

/** True when any finding blocks approval. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
