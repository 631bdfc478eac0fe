// One platform's variant in the composer: text, first comment, link, title (YouTube), media; the
// platform checks and the persona voice check run while typing, with the same code as the server.
import { Badge, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDeferredValue, useMemo, useRef } from 'react';
import { checkVariant } from '../../../core/content/checks/variant.ts';
import { PLATFORM_LIMITS } from '../../../core/content/checks/limits.ts';
import { xWeightedLength } from '../../../core/content/checks/x-length.ts';
import type { Persona } from '../../../core/content/persona/persona.ts';
import { checkVoice } from '../../../core/content/persona/voice.ts';
import type { Platform } from '../../../core/platforms.ts';
import { platformName, type ContentMedia } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { FindingList, MarkedText, type ShownFinding } from './Findings.tsx';
import { MediaEditor } from './MediaEditor.tsx';
import { usePlanningText } from './texts.ts';

export interface VariantDraft {
  platform: string;
  text: string;
  title: string;
  first_comment: string;
  link: string;
  media: ContentMedia[];
}

export const emptyVariant = (platform: string): VariantDraft => ({ platform, text: '', title: '', first_comment: '', link: '', media: [] });

/** What the server's checks see of a draft: empty optional fields are left out. */
export function variantForCheck(v: VariantDraft) {
  return {
    text: v.text,
    media: v.media,
    ...(v.title ? { title: v.title } : {}),
    ...(v.link ? { link: v.link } : {}),
    ...(v.first_comment ? { firstComment: v.first_comment } : {}),
  };
}

function textLength(platform: Platform, text: string): { used: number; max: number } {
  const limit = PLATFORM_LIMITS[platform].text;
  const used =
    limit.unit === 'x-weighted' ? xWeightedLength(text).weightedLength : limit.unit === 'code-points' ? [...text].length : limit.unit === 'utf8-bytes' ? new TextEncoder().encode(text).length : text.length;
  return { used, max: limit.max };
}

export interface VariantChecks {
  platform: ShownFinding[];
  voice: { score: number; passed: boolean; findings: ShownFinding[] } | null;
}

export function useVariantChecks(variant: VariantDraft, persona: Persona | null): VariantChecks {
  const v = useDeferredValue(variant);
  return useMemo(() => {
    const platform = checkVariant(v.platform as Platform, variantForCheck(v)).map((f): ShownFinding => ({ ...f, source: 'platform' }));
    if (!persona) return { platform, voice: null };
    const r = checkVoice(persona, v.text);
    return { platform, voice: { score: r.score, passed: r.passed, findings: r.findings.map((f): ShownFinding => ({ ...f, field: 'text', source: 'voice' })) } };
  }, [v, persona]);
}

export function VariantEditor({ code, variant, persona, readOnly, onChange }: { code: string; variant: VariantDraft; persona: Persona | null; readOnly: boolean; onChange: (v: VariantDraft) => void }) {
  const { t } = usePlanningText();
  const { f } = useI18n();
  const text = useRef<HTMLTextAreaElement>(null);
  const checks = useVariantChecks(variant, persona);
  const p = variant.platform as Platform;
  const length = textLength(p, variant.platform === 'x' && variant.link && !variant.text.includes(variant.link) ? `${variant.text} ${variant.link}` : variant.text);
  const set = (patch: Partial<VariantDraft>) => onChange({ ...variant, ...patch });
  const select = (finding: ShownFinding) => {
    const el = text.current;
    if (!el || !finding.position) return;
    el.focus();
    el.setSelectionRange(finding.position.start, finding.position.end);
  };
  const id = `variant-${variant.platform}`;
  return (
    <Stack gap="sm" data-testid={id}>
      {variant.platform === 'youtube' && <TextInput label={t('composer.videoTitle')} value={variant.title} readOnly={readOnly} onChange={(e) => set({ title: e.currentTarget.value })} />}
      <Textarea
        ref={text}
        label={t('composer.text', { platform: platformName(variant.platform) })}
        description={t('composer.length', { used: f.int(length.used), max: f.int(length.max) })}
        value={variant.text}
        readOnly={readOnly}
        autosize
        minRows={4}
        maxRows={16}
        onChange={(e) => set({ text: e.currentTarget.value })}
        error={length.used > length.max ? t('composer.tooLong') : undefined}
      />
      <MarkedText text={variant.text} findings={[...checks.platform, ...(checks.voice?.findings ?? [])]} />
      <section aria-labelledby={`${id}-checks`}>
        <Title order={4} size="h5" id={`${id}-checks`}>
          {t('composer.platformChecks', { platform: platformName(variant.platform) })}
        </Title>
        <FindingList findings={checks.platform} onSelect={select} testId={`platform-findings-${variant.platform}`} />
      </section>
      <section aria-labelledby={`${id}-voice`}>
        <Group gap="xs" align="baseline">
          <Title order={4} size="h5" id={`${id}-voice`}>
            {t('composer.voiceCheck')}
          </Title>
          {checks.voice && (
            <Badge color={checks.voice.passed ? 'teal' : 'red'} variant="light" data-testid={`voice-score-${variant.platform}`} data-passed={checks.voice.passed}>
              {t(checks.voice.passed ? 'composer.voicePassed' : 'composer.voiceFailed', { score: checks.voice.score })}
            </Badge>
          )}
        </Group>
        {checks.voice ? (
          <FindingList findings={checks.voice.findings} onSelect={select} testId={`voice-findings-${variant.platform}`} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('composer.noPersona')}
          </Text>
        )}
      </section>
      {(variant.platform === 'instagram' || variant.platform === 'x') && (
        <Textarea label={t('composer.firstComment')} value={variant.first_comment} readOnly={readOnly} autosize minRows={1} maxRows={6} onChange={(e) => set({ first_comment: e.currentTarget.value })} />
      )}
      <TextInput type="url" label={t('composer.link')} value={variant.link} readOnly={readOnly} onChange={(e) => set({ link: e.currentTarget.value })} />
      <MediaEditor code={code} media={variant.media} readOnly={readOnly} onChange={(media) => set({ media })} />
    </Stack>
  );
}
