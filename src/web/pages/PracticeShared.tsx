// What the practice pages share: the API's types, their queries, the period choice and plain-text case bodies.
import { NativeSelect, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, ApiError, qs } from '../api/client.ts';
import { useRouter } from '../app/router.tsx';
import { useI18n, type Lang } from '../i18n/index.tsx';

export interface Bilingual {
  id: string;
  en: string;
}

export interface PracticeLevel {
  level: number;
  description: Bilingual;
}

export interface Practice {
  id: string;
  name: Bilingual;
  description: Bilingual;
  area: string;
  weight: number;
  evidenceExpected: boolean;
  levels: PracticeLevel[];
  sources: string[];
  outcomeOverlap: string[];
}

export interface Framework {
  id: string;
  version: number;
  name: Bilingual;
  practices: Practice[];
}

export interface Answer {
  level: number | null;
  note?: string;
  link?: string;
}

export interface Maturity {
  score: number | null;
  answered: number;
  total: number;
  stage: string | null;
  minAnswers: number;
}

export interface ObservedInput {
  practiceId: string;
  input: string;
  observed: boolean;
  values: Record<string, number | boolean | null>;
  note: Bilingual | null;
}

export interface Observed {
  org: string;
  period: string;
  from: string;
  to: string;
  network: string | null;
  inputs: ObservedInput[];
  proposals: { practiceId: string; level: number; reason: Bilingual }[];
}

export interface Assessment {
  org: string;
  period: string;
  version: number;
  network: string | null;
  framework: { id: string; version: number };
  answers: Record<string, Answer>;
  maturity: Maturity;
  stage_name: Bilingual | null;
  created_at: string;
  review_requests: { id: number; version: number; status: string; comment: string; created_at: string }[];
  versions?: { version: number; created_at: string }[];
  review_flags?: { practiceId: string; declared: number; proposed: number }[];
}

export interface CaseSummary {
  id: number;
  network: string;
  slug: string;
  title: Bilingual;
  summary: Bilingual;
  practices: string[];
  org: string | null;
  published: boolean;
  updated_at: string;
}

export interface CaseDetail extends CaseSummary {
  body: Bilingual;
  created_at: string;
}

const enc = encodeURIComponent;

export function useFramework(network: string | null) {
  return useQuery({
    queryKey: ['groups', network, 'practice-framework'],
    queryFn: () => api<{ group: string; stored: boolean; framework: Framework }>(`/api/groups/${enc(network ?? '')}/practice-framework`),
    enabled: Boolean(network),
  });
}

/** The latest assessment; null when the period has none yet. */
export function useAssessment(org: string, period: string) {
  return useQuery({
    queryKey: ['organizations', org, 'practice-assessments', period],
    queryFn: async () => {
      try {
        return await api<Assessment>(`/api/organizations/${enc(org)}/practice-assessments/${enc(period)}`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404 && e.code === 'not_found') return null;
        throw e;
      }
    },
  });
}

export function useHistory(org: string, period: string) {
  return useQuery({
    queryKey: ['organizations', org, 'practice-assessments', period, 'history'],
    queryFn: () => api<{ items: Assessment[] }>(`/api/organizations/${enc(org)}/practice-assessments/${enc(period)}/history`),
  });
}

export function useObserved(org: string, period: string) {
  return useQuery({
    queryKey: ['organizations', org, 'practice-observed', period],
    queryFn: () => api<Observed>(`/api/organizations/${enc(org)}/practice-observed/${enc(period)}`),
    retry: false,
  });
}

export function useCases(network: string | null, drafts = false) {
  return useQuery({
    queryKey: ['groups', network, 'practice-cases', drafts],
    queryFn: () => api<{ network: string; items: CaseSummary[] }>(`/api/groups/${enc(network ?? '')}/practice-cases${qs({ drafts: drafts ? 'true' : undefined })}`),
    enabled: Boolean(network),
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: ['practice-cases', id], queryFn: () => api<CaseDetail>(`/api/practice-cases/${id}`) });
}

/** The text of a pair in the interface's language. */
export function tr(b: Bilingual | null | undefined, lang: Lang): string {
  return b ? b[lang] : '';
}

/** The assessment period in the address (?period=), this year by default. */
export function usePracticePeriod(): { period: string; setPeriod: (p: string) => void } {
  const { location, setQuery } = useRouter();
  const year = new Date().getFullYear();
  const period = location.query.get('period') ?? String(year);
  return { period, setPeriod: (p) => setQuery({ period: p }) };
}

export function PeriodSelect({ period, onChange }: { period: string; onChange: (p: string) => void }) {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const choices = [year, year - 1, year - 2].flatMap((y) => [String(y), `${y}-H1`, `${y}-H2`]);
  if (!choices.includes(period)) choices.unshift(period);
  return (
    <NativeSelect
      label={t('practice.period')}
      value={period}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={choices.map((p) => ({ value: p, label: p }))}
      w={{ base: '100%', xs: 160 }}
    />
  );
}

/**
 * A case body as text: blank lines part paragraphs, "## " starts a heading and "- " a list item.
 * Nothing is parsed as HTML: every piece is a React text node.
 */
export function PlainText({ text }: { text: string }): ReactNode {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return (
    <>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        const out: ReactNode[] = [];
        let items: string[] = [];
        const flush = (key: string) => {
          if (items.length) out.push(<ul key={key}>{items.map((x, j) => <li key={j}>{x}</li>)}</ul>);
          items = [];
        };
        lines.forEach((line, j) => {
          if (line.startsWith('- ')) items.push(line.slice(2));
          else {
            flush(`l${j}`);
            if (line.startsWith('## ')) out.push(<Title key={j} order={3} size="h4" mt="sm">{line.slice(3)}</Title>);
            else out.push(<Text key={j} mb="xs">{line}</Text>);
          }
        });
        flush('end');
        return <div key={i}>{out}</div>;
      })}
    </>
  );
}
