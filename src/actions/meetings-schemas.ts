// Input schemas and public JSON views of meetings: the meeting, agenda, decisions, action items, the generated agenda.
import { z } from 'zod';
import { ACTION_STATUSES, MEETING_KINDS, MEETING_STATUSES, MINUTES_LANGS } from '../core/meetings/index.ts';
import { localDate, orgCode, pageQuery } from './fields.ts';

const memberIds = z.array(z.number().int().positive()).max(100);
const agendaItemInput = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(300),
    notes: z.string().max(5000).nullable().optional(),
    section: z.enum(['figures', 'posts', 'gaps', 'peers', 'open_actions']).nullable().optional().meta({ description: 'set on generated items; keep it when sending them back' }),
  })
  .strict()
  .meta({ id: 'MeetingAgendaItemInput' });

const whenFields = {
  starts_at: z.string().optional().meta({ description: 'ISO 8601 instant with Z or an offset', example: '2026-05-04T02:00:00Z' }),
  starts_local: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, 'must be YYYY-MM-DD HH:mm')
    .optional()
    .meta({ description: "or the time in the organisation's zone", example: '2026-05-04 09:00' }),
};

export const createMeetingInput = z
  .object({
    kind: z.enum(MEETING_KINDS),
    title: z.string().trim().min(1).max(300).optional().meta({ description: 'defaults to the kind and date' }),
    ...whenFields,
    duration_min: z.number().int().min(1).max(24 * 60).nullable().optional(),
    location: z.string().trim().max(300).nullable().optional(),
    attendee_ids: memberIds.default([]).meta({ description: "team members of the organisation" }),
    agenda: z.array(agendaItemInput).max(100).default([]),
    period_from: localDate.optional().meta({ description: 'evaluation: first day evaluated (default: the previous calendar month)' }),
    period_to: localDate.optional(),
    generate_agenda: z.boolean().default(true).meta({ description: 'evaluation: build the agenda from the figures' }),
  })
  .strict()
  .meta({ id: 'MeetingCreate' });

export const updateMeetingInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    ...whenFields,
    duration_min: z.number().int().min(1).max(24 * 60).nullable(),
    location: z.string().trim().max(300).nullable(),
    status: z.enum(MEETING_STATUSES),
    attendee_ids: memberIds,
    agenda: z.array(agendaItemInput).max(100).meta({ description: 'replaces every agenda item' }),
    minutes: z.string().max(200_000),
    period_from: localDate,
    period_to: localDate,
  })
  .partial()
  .strict()
  .meta({ id: 'MeetingUpdate' });

export const listMeetingsInput = pageQuery.extend({
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: localDate.optional().meta({ description: "first local date (the organisation's zone)" }),
  to: localDate.optional().meta({ description: 'last local date, inclusive' }),
});

export const decisionInput = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(5000),
    create_content: z
      .array(z.object({ title: z.string().trim().min(1).max(300), due_date: localDate.nullable().optional(), owner_id: z.number().int().positive().nullable().optional() }).strict())
      .max(20)
      .default([])
      .meta({ description: 'content items to create as ideas, linked to the decision' }),
  })
  .strict()
  .meta({ id: 'MeetingDecisionInput' });

export const decisionUpdateInput = z.object({ text: z.string().trim().min(1).max(5000) }).strict().meta({ id: 'MeetingDecisionUpdate' });

export const decisionContentInput = z
  .object({ title: z.string().trim().min(1).max(300), due_date: localDate.nullable().optional(), owner_id: z.number().int().positive().nullable().optional() })
  .strict()
  .meta({ id: 'MeetingDecisionContentInput' });

export const actionItemInput = z
  .object({
    text: z.string().trim().min(1, 'must not be empty').max(2000),
    owner_id: z.number().int().positive().nullable().optional().meta({ description: 'team member id' }),
    due_date: localDate.nullable().optional(),
  })
  .strict()
  .meta({ id: 'MeetingActionItemInput' });

export const actionItemUpdateInput = actionItemInput.extend({ status: z.enum(ACTION_STATUSES) }).partial().strict().meta({ id: 'MeetingActionItemUpdate' });

export const agendaQuery = z.object({
  from: localDate,
  to: localDate,
  min_quiet_days: z.coerce.number().int().min(2).max(90).default(7).meta({ description: 'a run of this many days without a post is a gap' }),
});

export const langQuery = z.object({ lang: z.enum(MINUTES_LANGS).optional().meta({ description: "default: the organisation's first language" }) });

export const agendaInput = agendaQuery.extend({ org: orgCode });

// Views

const figureRow = z.object({ platform: z.string(), metric: z.string(), current: z.number().nullable(), previous: z.number().nullable(), change: z.number().nullable(), change_pct: z.number().nullable() });
const agendaPost = z.object({ platform: z.string(), handle: z.string(), date: z.string(), type: z.string(), text: z.string().nullable(), permalink: z.string().nullable(), engagements: z.number().nullable(), er: z.number().nullable() });

export const evaluationAgendaView = z
  .object({
    org: z.string(),
    name: z.string(),
    timezone: z.string(),
    period: z.object({ from: z.string(), to: z.string() }),
    previous: z.object({ from: z.string(), to: z.string() }),
    figures: z.array(figureRow),
    top_posts: z.array(agendaPost),
    bottom_posts: z.array(agendaPost),
    cadence_gaps: z.array(z.object({ platform: z.string(), handle: z.string(), kind: z.enum(['target', 'quiet']), from: z.string(), to: z.string(), days: z.number(), target: z.number().nullable(), published: z.number().nullable() })),
    peers: z.array(z.object({ group: z.string(), platform: z.string(), rank: z.number().nullable(), of: z.number(), composite: z.number().nullable(), percentiles: z.record(z.string(), z.number()) })),
    open_actions: z.array(z.object({ id: z.number(), text: z.string(), owner: z.string().nullable(), due_date: z.string().nullable(), meeting_id: z.number(), meeting_title: z.string() })),
    generated_at: z.string(),
  })
  .meta({ id: 'EvaluationAgenda' });

export const actionItemView = z
  .object({ id: z.number(), meeting_id: z.number(), text: z.string(), owner_id: z.number().nullable(), owner_name: z.string().nullable(), due_date: z.string().nullable(), status: z.enum(ACTION_STATUSES), done_at: z.string().nullable(), created_at: z.string(), updated_at: z.string() })
  .meta({ id: 'MeetingActionItem' });
export type ActionItemView = z.infer<typeof actionItemView>;

export const decisionView = z
  .object({ id: z.number(), meeting_id: z.number(), text: z.string(), created_at: z.string(), content_items: z.array(z.object({ id: z.number(), title: z.string(), status: z.string() })) })
  .meta({ id: 'MeetingDecision' });
export type DecisionView = z.infer<typeof decisionView>;

const summaryFields = {
  id: z.number(),
  org: z.string(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  starts_at: z.string().meta({ description: 'UTC instant' }),
  starts_local: z.string().meta({ description: "in the organisation's zone, YYYY-MM-DD HH:mm" }),
  timezone: z.string(),
  duration_min: z.number().nullable(),
  location: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  period_from: z.string().nullable(),
  period_to: z.string().nullable(),
  open_action_items: z.number(),
  created_at: z.string(),
  updated_at: z.string(),
};

export const meetingSummaryView = z.object(summaryFields).meta({ id: 'MeetingSummary' });
export type MeetingSummaryView = z.infer<typeof meetingSummaryView>;

export const meetingView = z
  .object({
    ...summaryFields,
    attendees: z.array(z.object({ id: z.number(), name: z.string() })),
    agenda: z.array(z.object({ id: z.number(), position: z.number(), title: z.string(), notes: z.string().nullable(), section: z.string().nullable() })),
    agenda_data: evaluationAgendaView.nullable().meta({ description: 'evaluation: the figures as they were when the agenda was generated' }),
    minutes: z.string(),
    decisions: z.array(decisionView),
    action_items: z.array(actionItemView),
  })
  .meta({ id: 'Meeting' });
export type MeetingView = z.infer<typeof meetingView>;
