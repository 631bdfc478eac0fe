import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import type { Finding } from './findings.ts';
import {
  CONTENT_STATUSES, TRANSITIONS, allowedTransitions, editItem, transition,
  type ContentStatus, type TransitionOptions, type WorkflowActor, type WorkflowItem,
} from './workflow.ts';

const NOW = '2026-05-01T03:00:00.000Z';
const editor: WorkflowActor = { id: 1, role: 'editor', organizationId: 10, heldAccountIds: [100, 101] };
const manager: WorkflowActor = { id: 2, role: 'manager', organizationId: 10, heldAccountIds: [] };
const admin: WorkflowActor = { id: 3, role: 'admin', organizationId: null, heldAccountIds: [] };
const cleanChecks = { platform: [] as Finding[], voice: { passed: true, score: 90 } };

function item(status: ContentStatus, accountIds: number[] = [100]): WorkflowItem & { title: string } {
  return { status, organizationId: 10, accountIds, title: 'SNI helm' };
}

/** Options that satisfy every guard, so a test isolates the table and the roles. */
const ok: TransitionOptions = { now: NOW, reason: 'gambar kurang jelas', scheduledAt: '2026-05-02T01:00:00.000Z', checks: cleanChecks };

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'ok';
}

describe('content workflow', () => {
  it.each(TRANSITIONS.map((r) => [r.from, r.to, r.gate] as const))('%s -> %s is allowed (%s)', (from, to, gate) => {
    const actor = gate === 'author' ? editor : manager;
    const { item: next, record } = transition(item(from), to, actor, ok);
    expect(next.status).toBe(to);
    expect(next.title).toBe('SNI helm');
    expect(record).toMatchObject({ actorId: actor.id, at: NOW, from, to });
  });

  it('refuses every move that is not in the table, with the moves that are possible', () => {
    const allowed = new Set(TRANSITIONS.map((r) => `${r.from}>${r.to}`));
    let refused = 0;
    for (const from of CONTENT_STATUSES) {
      for (const to of CONTENT_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        expect(code(() => transition(item(from), to, admin, ok))).toMatch(/^invalid: content cannot go from/);
        refused++;
      }
    }
    expect(refused).toBe(49 - TRANSITIONS.length);
    expect(code(() => transition(item('idea'), 'published', admin, ok))).toBe('invalid: content cannot go from idea to published; from an idea it can go to: draft');
    expect(code(() => transition(item('published'), 'draft', admin, ok))).toMatch(/published content does not move any further/);
  });

  it('records who moved the item, when, and the comment', () => {
    const { record } = transition(item('draft'), 'in_review', editor, { now: NOW, comment: '  siap dicek  ' });
    expect(record).toEqual({ actorId: 1, at: NOW, from: 'draft', to: 'in_review', action: 'submit', comment: 'siap dicek', reason: null, scheduledAt: null });
  });

  it('sends an item edited after approval back to review', () => {
    for (const status of ['approved', 'scheduled'] as const) {
      const { item: next, record } = editItem(item(status), editor, { now: NOW });
      expect(next.status).toBe('in_review');
      expect(record).toMatchObject({ from: status, to: 'in_review', action: 'edit', comment: 'edited after approval' });
    }
    expect(editItem(item('draft'), editor, { now: NOW })).toEqual({ item: item('draft'), record: null });
    expect(code(() => editItem(item('published'), editor, { now: NOW }))).toMatch(/^invalid: published content cannot be edited/);
  });

  it('does not let an editor approve, reject, schedule or publish', () => {
    expect(code(() => transition(item('in_review'), 'approved', editor, ok))).toBe('forbidden: only managers and admins may approve content');
    expect(code(() => transition(item('in_review'), 'rejected', editor, ok))).toMatch(/^forbidden/);
    expect(code(() => transition(item('approved'), 'scheduled', editor, ok))).toMatch(/^forbidden/);
    expect(code(() => transition(item('scheduled'), 'published', editor, ok))).toMatch(/^forbidden/);
  });

  it('lets an editor draft and submit only for accounts they hold', () => {
    expect(code(() => transition(item('idea', [100, 200]), 'draft', editor, ok))).toBe('forbidden: editors may draft content only for accounts they hold; you do not hold account 200');
    expect(code(() => transition(item('draft', [300]), 'in_review', editor, ok))).toMatch(/^forbidden: editors may submit content only/);
    expect(transition(item('idea', [100, 101]), 'draft', editor, ok).item.status).toBe('draft');
    // Managers draft for any account of their organisation.
    expect(transition(item('idea', [300]), 'draft', manager, ok).item.status).toBe('draft');
  });

  it('keeps other organisations and read-only roles out', () => {
    const otherManager = { ...manager, organizationId: 11 };
    expect(code(() => transition(item('in_review'), 'approved', otherManager, ok))).toBe('forbidden: this content belongs to another organisation');
    for (const role of ['analyst', 'viewer', 'coordinator'] as const) {
      expect(code(() => transition(item('idea'), 'draft', { ...editor, role }, ok))).toMatch(/^forbidden: a \w+ cannot draft content/);
    }
    expect(transition(item('in_review'), 'approved', admin, ok).item.status).toBe('approved');
  });

  it('needs a reason to reject', () => {
    expect(code(() => transition(item('in_review'), 'rejected', manager, { now: NOW, reason: '   ' }))).toMatch(/^invalid: a rejection needs a reason/);
    expect(transition(item('in_review'), 'rejected', manager, { now: NOW, reason: 'Terlalu kaku' }).record.reason).toBe('Terlalu kaku');
  });

  it('approves only content that passes the platform checks, and the voice check where required', () => {
    const error: Finding = { rule: 'x.text.too_long', severity: 'error', field: 'text', message: 'The text is 300 weighted characters' };
    const warning: Finding = { ...error, rule: 'instagram.hashtags.many', severity: 'warning' };
    expect(code(() => transition(item('in_review'), 'approved', manager, { now: NOW }))).toBe('invalid: run the platform checks before approving');
    expect(code(() => transition(item('in_review'), 'approved', manager, { now: NOW, checks: { platform: [error] } }))).toMatch(/^invalid: the content breaks platform rules/);
    expect(transition(item('in_review'), 'approved', manager, { now: NOW, checks: { platform: [warning] } }).item.status).toBe('approved');
    const failedVoice = { platform: [], voice: { passed: false, score: 40 } };
    expect(transition(item('in_review'), 'approved', manager, { now: NOW, checks: failedVoice }).item.status).toBe('approved');
    expect(code(() => transition(item('in_review'), 'approved', manager, { now: NOW, checks: failedVoice, requireVoicePass: true }))).toMatch(/requires the persona voice check to pass/);
    expect(code(() => transition(item('in_review'), 'approved', manager, { now: NOW, checks: { platform: [] }, requireVoicePass: true }))).toMatch(/it was not run/);
  });

  it('schedules only for a time in the future', () => {
    expect(code(() => transition(item('approved'), 'scheduled', manager, { now: NOW }))).toMatch(/needs a publish time/);
    expect(code(() => transition(item('approved'), 'scheduled', manager, { now: NOW, scheduledAt: '2026-04-30T00:00:00Z' }))).toMatch(/must be in the future/);
  });

  it('drafts only with at least one account', () => {
    expect(code(() => transition(item('idea', []), 'draft', manager, ok))).toMatch(/choose at least one account/);
  });

  it('lists the moves an actor may make', () => {
    expect(allowedTransitions(item('in_review'), editor)).toEqual(['draft']);
    expect(allowedTransitions(item('in_review'), manager)).toEqual(['draft', 'approved', 'rejected']);
    expect(allowedTransitions(item('published'), admin)).toEqual([]);
  });
});
