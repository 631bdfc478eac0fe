import { describe, expect, it } from 'vitest';
import { graphError } from './meta.ts';
import { AuthExpired, OutcomeUnknown, RateLimited, Rejected, Temporary } from './types.ts';

const now = Date.parse('2026-11-27T00:00:00.000Z');
const answer = (code: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, status = 400) => ({
  status,
  headers: new Headers(headers),
  body: { error: { message: `(#${code}) something`, type: 'OAuthException', code, fbtrace_id: 'x', ...extra } },
});

describe('Graph error codes onto our errors', () => {
  it.each([
    [190, { error_subcode: 463 }, AuthExpired],
    [190, { error_subcode: 460 }, AuthExpired],
    [190, {}, AuthExpired],
    [4, { is_transient: true }, RateLimited],
    [17, { is_transient: true }, RateLimited],
    [32, {}, RateLimited],
    [613, {}, RateLimited],
    [80001, {}, RateLimited],
    [80002, {}, RateLimited],
    [2, { is_transient: true }, Temporary],
    [1, {}, Temporary],
    [368, { error_subcode: 1390008, is_transient: false }, Rejected],
    [506, { error_subcode: 1455006 }, Rejected],
    [10, {}, Rejected],
    [200, {}, Rejected],
    [100, { error_subcode: 33 }, Rejected],
    [4, { error_subcode: 2207051 }, Rejected],
    [9, { error_subcode: 2207042 }, RateLimited],
    [9007, { error_subcode: 2207027 }, Temporary],
    [36004, { error_subcode: 2207010 }, Rejected],
  ])('code %i %o', (code, extra, kind) => {
    expect(graphError('facebook', answer(code, extra), false, now)).toBeInstanceOf(kind);
  });

  it('waits for estimated_time_to_regain_access (minutes) when the header has it', () => {
    const usage = JSON.stringify({ '104512345678901': [{ type: 'pages', call_count: 100, total_cputime: 41, total_time: 52, estimated_time_to_regain_access: 17 }] });
    const e = graphError('facebook', answer(80001, {}, { 'x-business-use-case-usage': usage }), false, now);
    expect(e).toBeInstanceOf(RateLimited);
    expect((e as RateLimited).retryAt).toBe('2026-11-27T00:17:00.000Z');
  });

  it('a transient code on a write answered with 5xx is OutcomeUnknown', () => {
    expect(graphError('facebook', answer(2, { is_transient: true }, {}, 500), true, now)).toBeInstanceOf(OutcomeUnknown);
    expect(graphError('facebook', answer(2, { is_transient: true }, {}, 400), true, now)).toBeInstanceOf(Temporary);
  });
});
