// The composer's check results: the text with each finding's span marked, and the list of findings
// (rule, where, what to do), each able to select its span in the text field.
import { Badge, Button, Group, List, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePlanningText } from './texts.ts';

export interface ShownFinding {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  field?: string | undefined;
  position?: { start: number; end: number } | undefined;
  suggestion?: string | undefined;
  /** 'platform' or 'voice'. */
  source: 'platform' | 'voice';
}

/** The text split at the findings' spans; marked parts carry the worst severity covering them. */
function segments(text: string, spans: { start: number; end: number; severity: 'error' | 'warning' }[]): { text: string; severity: 'error' | 'warning' | null }[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: { text: string; severity: 'error' | 'warning' | null }[] = [];
  for (let n = 0; n + 1 < points.length; n++) {
    const a = points[n] ?? 0;
    const b = points[n + 1] ?? 0;
    if (b <= a) continue;
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const severity = covering.some((s) => s.severity === 'error') ? 'error' : covering.length ? 'warning' : null;
    out.push({ text: text.slice(a, b), severity });
  }
  return out;
}

/** The text as it will be posted, with the spans of findings marked (rendered as text, never HTML). */
export function MarkedText({ text, findings }: { text: string; findings: ShownFinding[] }) {
  const { t } = usePlanningText();
  const spans = findings.flatMap((f) => (f.position && f.position.end > f.position.start && (f.field ?? 'text') === 'text' ? [{ ...f.position, severity: f.severity }] : []));
  if (!text) return null;
  return (
    <Paper withBorder p="xs" data-testid="marked-text" aria-label={t('composer.preview')} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {segments(text, spans).map((s, n) =>
        s.severity ? (
          <mark key={n} data-severity={s.severity} style={{ background: s.severity === 'error' ? 'var(--mantine-color-red-2)' : 'var(--mantine-color-yellow-2)', textDecoration: 'underline wavy', color: 'inherit' }}>
            {s.text}
          </mark>
        ) : (
          <span key={n}>{s.text}</span>
        ),
      )}
    </Paper>
  );
}

export function FindingList({ findings, onSelect, testId }: { findings: ShownFinding[]; onSelect: (f: ShownFinding) => void; testId: string }): ReactNode {
  const { t } = usePlanningText();
  if (findings.length === 0)
    return (
      <Text size="sm" c="teal" data-testid={testId} role="status">
        {t('composer.noFindings')}
      </Text>
    );
  return (
    <List spacing="xs" data-testid={testId} listStyleType="none" ml={0} pl={0}>
      {findings.map((f, n) => (
        <List.Item key={`${f.rule}-${n}`} data-rule={f.rule} data-severity={f.severity}>
          <Group gap={6} wrap="wrap" align="baseline">
            <Badge size="sm" color={f.severity === 'error' ? 'red' : 'yellow'} variant="light">
              {t(f.severity === 'error' ? 'composer.error' : 'composer.warning')}
            </Badge>
            <Text size="xs" ff="monospace" c="dimmed">
              {f.rule}
            </Text>
            {f.position && (
              <Text size="xs" c="dimmed">
                {f.position.end > f.position.start
                  ? t('composer.position', { start: f.position.start + 1, end: f.position.end })
                  : t('composer.positionAt', { at: f.position.start + 1 })}
              </Text>
            )}
          </Group>
          <Text size="sm">{f.message}</Text>
          {f.suggestion && (
            <Text size="sm" c="dimmed" data-testid="finding-suggestion">
              {t('composer.suggestion', { text: f.suggestion })}
            </Text>
          )}
          {f.position && (f.field ?? 'text') === 'text' && (
            <Button variant="subtle" size="compact-xs" onClick={() => onSelect(f)}>
              {t('composer.showInText')}
            </Button>
          )}
        </List.Item>
      ))}
    </List>
  );
}
