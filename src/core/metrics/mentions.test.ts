import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { extractMentions, mentionsOtherAccount, otherMentions } from './mentions.ts';

describe('extractMentions', () => {
  it('finds no mention in an e-mail address', () => {
    expect(extractMentions('write to info@bsn.go.id', 'instagram')).toEqual([]);
    expect(extractMentions('write to info@bsn.go.id', 'x')).toEqual([]);
  });

  it('drops a trailing dot off a handle on platforms whose handles hold dots', () => {
    expect(extractMentions('thanks @isostandards.', 'instagram')).toEqual(['isostandards']);
    expect(extractMentions('see @iso.org... now', 'linkedin')).toEqual(['iso.org']);
  });

  it('stops a handle at a dot on x', () => {
    expect(extractMentions('see @iso.org', 'x')).toEqual(['iso']);
  });

  it('accepts @ at the start and after punctuation or non-ASCII, not after a dot or word char', () => {
    expect(extractMentions('@bsn_sni hi', 'x')).toEqual(['bsn_sni']);
    expect(extractMentions('(@a) é@b, x.@c y_@d 1@e', 'instagram')).toEqual(['a', 'b']);
  });

  it('ignores an empty run and lower-cases and de-duplicates handles', () => {
    expect(extractMentions('@ hello @. @@ISO @iso', 'facebook')).toEqual(['iso']);
    expect(extractMentions('', 'x')).toEqual([]);
    expect(extractMentions(null, 'x')).toEqual([]);
  });

  it('only ever returns non-empty handles of allowed characters without a trailing dot', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('@', '.', 'a', 'Z', '_', '9', ' ', '-', 'é') }), fc.constantFrom('x', 'instagram') , (text, platform) => {
        for (const h of extractMentions(text, platform)) {
          expect(h).toMatch(platform === 'x' ? /^[a-z0-9_]+$/ : /^[a-z0-9_.]*[a-z0-9_]$/);
        }
      }),
    );
  });
});

describe('mentionsOtherAccount', () => {
  it('leaves out the posting account, without case and with or without @', () => {
    expect(mentionsOtherAccount('hello @BSN_SNI', 'instagram', 'bsn_sni')).toBe(false);
    expect(mentionsOtherAccount('hello @bsn_sni', 'instagram', '@BSN_sni')).toBe(false);
    expect(mentionsOtherAccount('hello @bsn_sni and @isostandards', 'instagram', 'bsn_sni')).toBe(true);
  });

  it('counts another account of the same organisation', () => {
    expect(otherMentions('with @isoconsumers', 'x', 'isostandards')).toEqual(['isoconsumers']);
  });
});
