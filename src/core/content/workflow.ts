// The content item's life: idea -> draft -> in_review -> approved -> scheduled -> published, and who may move it.
import { Forbidden, Invalid, type ErrorDetail } from '../errors.ts';
import { hasErrors, type Finding } from './findings.ts';

export const CONTENT_STATUSES = ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'rejected'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export type Role = 'admin' | 'coordinator' | 'manager' | 'editor' | 'analyst' | 'viewer';

export interface WorkflowActor {
  id: number;
  role: Role;
  organizationId: number | null;
  heldAccountIds: readonly number[];
}

/** What the state machine needs of an item; callers pass their own richer type through. */
export interface WorkflowItem {
  status: ContentStatus;
  organizationId: number;
  /** The accounts the item will be posted from. */
  accountIds: readonly number[];
}

export type TransitionAction = 'draft' | 'submit' | 'withdraw' | 'approve' | 'reject' | 'revise' | 'schedule' | 'edit' | 'publish';

/** `author`: editors holding every account of the item, the organisation's managers, admins. `approver`: managers and admins. */
export type Gate = 'author' | 'approver';

export interface TransitionRule {
  from: ContentStatus;
  to: ContentStatus;
  action: TransitionAction;
  gate: Gate;
}

export const TRANSITIONS: readonly TransitionRule[] = [
  { from: 'idea', to: 'draft', action: 'draft', gate: 'author' },
  { from: 'draft', to: 'in_review', action: 'submit', gate: 'author' },
  { from: 'in_review', to: 'draft', action: 'withdraw', gate: 'author' },
  { from: 'in_review', to: 'approved', action: 'approve', gate: 'approver' },
  { from: 'in_review', to: 'rejected', action: 'reject', gate: 'approver' },
  { from: 'rejected', to: 'draft', action: 'revise', gate: 'author' },
  { from: 'approved', to: 'scheduled', action: 'schedule', gate: 'approver' },
  // An edit after approval needs a fresh approval.
  { from: 'approved', to: 'in_review', action: 'edit', gate: 'author' },
  { from: 'scheduled', to: 'in_review', action: 'edit', gate: 'author' },
  { from: 'scheduled', to: 'published', action: 'publish', gate: 'approver' },
];

/** What approval is judged on; computed from the item's current variants just before approving. */
export interface ApprovalChecks {
  /** Findings of checkVariant for every variant of the item. */
  platform: readonly Finding[];
  /** The persona voice check of the item's text, when it was run. */
  voice?: { passed: boolean; score: number } | null;
}

export interface TransitionOptions {
  /** The current instant, ISO 8601. */
  now: string;
  comment?: string;
  /** Required when rejecting. */
  reason?: string;
  /** Required when scheduling: when to publish, ISO 8601, after `now`. */
  scheduledAt?: string;
  /** Required when approving. */
  checks?: ApprovalChecks;
  /** The organisation's setting: the voice check must pass before approval. */
  requireVoicePass?: boolean;
}

export interface TransitionRecord {
  actorId: number;
  at: string;
  from: ContentStatus;
  to: ContentStatus;
  action: TransitionAction;
  comment: string | null;
  reason: string | null;
  scheduledAt: string | null;
}

export interface TransitionResult<T extends WorkflowItem> {
  item: T;
  record: TransitionRecord;
}

export function findRule(from: ContentStatus, to: ContentStatus): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from === from && r.to === to);
}

const LABEL: Record<ContentStatus, string> = {
  idea: 'an idea', draft: 'a draft', in_review: 'in review', approved: 'approved', scheduled: 'scheduled', published: 'published', rejected: 'rejected',
};

/** Why the actor may not pass the gate for this item; null when they may. */
export function refusal(actor: WorkflowActor, item: WorkflowItem, gate: Gate, action: TransitionAction): string | null {
  if (actor.role === 'admin') return null;
  if (actor.role !== 'manager' && actor.role !== 'editor') return `a ${actor.role} cannot ${action} content`;
  if (actor.organizationId !== item.organizationId) return 'this content belongs to another organisation';
  if (gate === 'approver') {
    return actor.role === 'manager' ? null : `only managers and admins may ${action} content`;
  }
  if (actor.role === 'manager') return null;
  const missing = item.accountIds.filter((id) => !actor.heldAccountIds.includes(id));
  if (missing.length === 0) return null;
  return `editors may ${action} content only for accounts they hold; you do not hold account${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
}

/** The statuses this actor may move the item to now (guards such as checks are judged on the move itself). */
export function allowedTransitions(item: WorkflowItem, actor: WorkflowActor): ContentStatus[] {
  return TRANSITIONS.filter((r) => r.from === item.status && refusal(actor, item, r.gate, r.action) === null).map((r) => r.to);
}

function text(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** Moves an item to `to`, or throws Invalid (not allowed now) or Forbidden (not this actor). */
export function transition<T extends WorkflowItem>(item: T, to: ContentStatus, actor: WorkflowActor, options: TransitionOptions): TransitionResult<T> {
  const from = item.status;
  const rule = findRule(from, to);
  if (!rule) {
    const next = TRANSITIONS.filter((r) => r.from === from).map((r) => r.to);
    const hint = next.length ? `from ${LABEL[from]} it can go to: ${next.join(', ')}` : `${LABEL[from]} content does not move any further`;
    throw new Invalid(`content cannot go from ${from} to ${to}; ${hint}`);
  }
  const refused = refusal(actor, item, rule.gate, rule.action);
  if (refused) throw new Forbidden(refused);
  if (Number.isNaN(Date.parse(options.now))) throw new Invalid('now must be an ISO 8601 instant');

  const reason = text(options.reason);
  const scheduledAt = rule.action === 'schedule' ? checkSchedule(options) : null;
  if (rule.action === 'reject' && !reason) throw new Invalid('a rejection needs a reason, so the author knows what to change', [{ path: 'reason', message: 'required' }]);
  if (rule.action === 'draft' && item.accountIds.length === 0) throw new Invalid('choose at least one account before drafting', [{ path: 'accountIds', message: 'at least one' }]);
  if (rule.action === 'approve') checkApproval(options);

  const record: TransitionRecord = { actorId: actor.id, at: options.now, from, to, action: rule.action, comment: text(options.comment), reason, scheduledAt };
  return { item: { ...item, status: to }, record };
}

function checkApproval(options: TransitionOptions): void {
  const checks = options.checks;
  if (!checks) throw new Invalid('run the platform checks before approving');
  if (hasErrors(checks.platform)) {
    const details: ErrorDetail[] = checks.platform
      .filter((f) => f.severity === 'error')
      .map((f) => ({ ...(f.field ? { path: f.field } : {}), message: f.message }));
    throw new Invalid('the content breaks platform rules; fix them before approving', details);
  }
  if (options.requireVoicePass && !checks.voice?.passed) {
    const why = checks.voice ? `it scored ${checks.voice.score} or has errors` : 'it was not run';
    throw new Invalid(`this organisation requires the persona voice check to pass before approval; ${why}`);
  }
}

function checkSchedule(options: TransitionOptions): string {
  const at = options.scheduledAt;
  if (!at || Number.isNaN(Date.parse(at))) throw new Invalid('scheduling needs a publish time (ISO 8601)', [{ path: 'scheduledAt', message: 'required' }]);
  if (Date.parse(at) <= Date.parse(options.now)) throw new Invalid('the publish time must be in the future', [{ path: 'scheduledAt', message: 'in the past' }]);
  return at;
}

/**
 * Call on every saved edit of an item. Editing approved or scheduled content sends it back to review
 * (and returns that record); earlier states stay as they are; published content cannot be edited.
 */
export function editItem<T extends WorkflowItem>(item: T, actor: WorkflowActor, options: { now: string; comment?: string }): { item: T; record: TransitionRecord | null } {
  if (item.status === 'published') throw new Invalid('published content cannot be edited; start a new item');
  if (item.status === 'approved' || item.status === 'scheduled') {
    return transition(item, 'in_review', actor, { now: options.now, comment: options.comment ?? 'edited after approval' });
  }
  const refused = refusal(actor, item, 'author', 'edit');
  if (refused) throw new Forbidden(refused);
  return { item, record: null };
}
