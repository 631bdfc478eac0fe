// Input schemas and public JSON views of planning: content items, transitions, comments, checks, personas, the calendar token.
import { z } from 'zod';
import { CONTENT_STATUSES, mediaSchema, personaSchema } from '../core/content/index.ts';
import { handle, localDate, pageQuery, platform } from './fields.ts';
import { libraryMediaRef } from './media-schemas.ts';

export const accountRef = z.object({ platform, handle }).strict().meta({ id: 'ContentAccountRef' });

export const contentMedia = mediaSchema
  .extend({ url: z.url('must be a URL').max(2000) })
  .strict()
  .meta({ id: 'ContentMedia', description: 'A file outside the media library, described by hand' });

/** What a variant's media entry shows: library files resolved to their current figures. */
export const variantMediaView = mediaSchema
  .extend({ url: z.string(), media_id: z.number().optional().meta({ description: 'set for files of the media library' }), thumbnail_url: z.string().nullable().optional() })
  .meta({ id: 'ContentMediaView' });

export const variantInput = z
  .object({
    platform,
    text: z.string().max(70_000),
    title: z.string().max(500).nullable().optional().meta({ description: "YouTube's video title" }),
    first_comment: z.string().max(70_000).nullable().optional(),
    link: z.string().max(2000).nullable().optional(),
    media: z.array(z.union([libraryMediaRef, contentMedia])).max(20).default([]).meta({ description: 'library files as {media_id}, or files described by hand' }),
  })
  .strict()
  .meta({ id: 'ContentVariantInput' });

const memberId = z.number().int().positive().nullable();
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const itemFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300),
  campaign: optionalText(200).meta({ description: 'campaign or theme' }),
  pillar: optionalText(200).meta({ description: 'content pillar' }),
  accounts: z.array(accountRef).max(50).meta({ description: 'the accounts the item will be posted from' }),
  variants: z.array(variantInput).max(10).meta({ description: 'one per platform; a PATCH replaces the whole set' }),
  owner_id: memberId.optional().meta({ description: 'team member id' }),
  reviewer_id: memberId.optional().meta({ description: 'team member id' }),
  due_date: localDate.nullable().optional().meta({ description: "the organisation's local date" }),
};

export const createContentInput = z
  .object({
    ...itemFields,
    accounts: itemFields.accounts.default([]),
    variants: itemFields.variants.default([]),
    status: z.enum(['idea', 'draft']).default('idea').meta({ description: 'start as an idea or straight as a draft' }),
  })
  .strict()
  .meta({ id: 'ContentCreate' });

export const updateContentInput = z
  .object({ ...itemFields, comment: z.string().max(2000).optional().meta({ description: 'recorded when the edit sends approved content back to review' }) })
  .partial()
  .strict()
  .meta({ id: 'ContentUpdate' });

export const transitionInput = z
  .object({
    to: z.enum(CONTENT_STATUSES),
    comment: z.string().max(2000).optional(),
    reason: z.string().max(2000).optional().meta({ description: 'required when rejecting' }),
    scheduled_at: z.string().optional().meta({ description: 'required when scheduling: ISO 8601 instant with Z or an offset', example: '2026-05-02T01:00:00Z' }),
  })
  .strict()
  .meta({ id: 'ContentTransitionInput' });

export const listContentInput = pageQuery.extend({
  status: z.string().optional().meta({ description: 'one status or several separated by commas', example: 'scheduled,published' }),
  by: z.enum(['scheduled', 'due']).default('scheduled').meta({ description: 'what from/to filter on: the scheduled instant or the due date' }),
  from: localDate.optional().meta({ description: "first local date (the organisation's zone), inclusive" }),
  to: localDate.optional().meta({ description: 'last local date, inclusive' }),
});

export const commentInput = z.object({ body: z.string().trim().min(1, 'must not be empty').max(5000) }).strict().meta({ id: 'ContentCommentInput' });

export const personaInput = z
  .object({ persona: personaSchema, require_voice_pass: z.boolean().default(false) })
  .strict()
  .meta({ id: 'PersonaInput' });

// Views

export const variantView = z
  .object({
    platform: z.string(),
    text: z.string(),
    title: z.string().nullable(),
    first_comment: z.string().nullable(),
    link: z.string().nullable(),
    media: z.array(variantMediaView),
  })
  .meta({ id: 'ContentVariant' });
export type VariantView = z.infer<typeof variantView>;

export const transitionView = z
  .object({
    actor_id: z.number().meta({ description: 'user id; 0 is the system' }),
    at: z.string(),
    from: z.string(),
    to: z.string(),
    action: z.string(),
    comment: z.string().nullable(),
    reason: z.string().nullable(),
    scheduled_at: z.string().nullable(),
  })
  .meta({ id: 'ContentTransition' });
export type TransitionView = z.infer<typeof transitionView>;

export const commentView = z
  .object({ id: z.number(), author_id: z.number(), body: z.string(), created_at: z.string() })
  .meta({ id: 'ContentComment' });
export type CommentView = z.infer<typeof commentView>;

export const contentView = z
  .object({
    id: z.number(),
    org: z.string(),
    title: z.string(),
    campaign: z.string().nullable(),
    pillar: z.string().nullable(),
    status: z.enum(CONTENT_STATUSES),
    accounts: z.array(z.object({ id: z.number(), platform: z.string(), handle: z.string() })),
    variants: z.array(variantView),
    owner_id: z.number().nullable(),
    reviewer_id: z.number().nullable(),
    due_date: z.string().nullable(),
    scheduled_at: z.string().nullable().meta({ description: 'UTC instant' }),
    scheduled_local: z.string().nullable().meta({ description: "the scheduled time in the organisation's zone, YYYY-MM-DD HH:mm", example: '2026-05-02 08:00' }),
    timezone: z.string(),
    published_at: z.string().nullable(),
    rejection_reason: z.string().nullable(),
    allowed_transitions: z.array(z.string()).meta({ description: 'the statuses the caller may move the item to now' }),
    transitions: z.array(transitionView).optional().meta({ description: 'the history, oldest first (single item only)' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'ContentItem' });
export type ContentView = z.infer<typeof contentView>;

const findingView = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  field: z.string().optional(),
  position: z.object({ start: z.number(), end: z.number() }).optional(),
  limit: z.number().optional(),
  actual: z.number().optional(),
  suggestion: z.string().optional(),
});

export const checksView = z
  .object({
    variants: z.array(z.object({ platform: z.string(), findings: z.array(findingView) })),
    voice: z
      .object({
        required: z.boolean(),
        passed: z.boolean(),
        score: z.number().meta({ description: 'the lowest score of the variants' }),
        variants: z.array(z.object({ platform: z.string(), passed: z.boolean(), score: z.number(), findings: z.array(findingView) })),
      })
      .nullable()
      .meta({ description: 'null when the organisation has no persona' }),
    approvable: z.boolean().meta({ description: 'no platform errors, and the voice check passes where required' }),
  })
  .meta({ id: 'ContentChecks' });
export type ChecksView = z.infer<typeof checksView>;

export const personaView = z
  .object({ org: z.string(), persona: personaSchema.nullable(), require_voice_pass: z.boolean(), updated_at: z.string().nullable() })
  .meta({ id: 'Persona' });
export type PersonaView = z.infer<typeof personaView>;

export const calendarTokenView = z
  .object({ org: z.string(), token: z.string(), path: z.string().meta({ example: '/api/calendar/abc.ics' }), created_at: z.string() })
  .meta({ id: 'CalendarToken' });
export type CalendarTokenView = z.infer<typeof calendarTokenView>;
