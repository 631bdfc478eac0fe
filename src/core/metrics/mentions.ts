// Finds @mentions in a post's text per platform (METRICS.md, Interaction).
import { handleKey, type Platform } from '../platforms.ts';

function isAsciiWord(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 // _
  );
}

const DOT = 46;

// The boundary rule ignores the platform: a dot before @ blocks a mention even on x,
// which is what keeps e-mail addresses such as info@bsn.go.id out.
function blocksMention(code: number): boolean {
  return isAsciiWord(code) || code === DOT;
}

/** The distinct handles mentioned in a text, lower-cased, in order of first appearance. */
export function extractMentions(text: string | null | undefined, platform: Platform): string[] {
  if (!text) return [];
  const allowDots = platform !== 'x';
  const found = new Set<string>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && blocksMention(text.charCodeAt(at - 1))) continue;
    let end = at + 1;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (!isAsciiWord(code) && !(allowDots && code === DOT)) break;
      end++;
    }
    // Trailing dots end sentences ("thanks @isostandards."), they are not part of a handle.
    while (end > at + 1 && text.charCodeAt(end - 1) === DOT) end--;
    if (end > at + 1) found.add(text.slice(at + 1, end).toLowerCase());
  }
  return [...found];
}

/** The distinct handles a text mentions other than the posting account's own, lower-cased. */
export function otherMentions(text: string | null | undefined, platform: Platform, ownHandle: string): string[] {
  const own = handleKey(ownHandle);
  return extractMentions(text, platform).filter((h) => h !== own);
}

/** True when the text mentions any handle but the posting account's own (another account of the same organisation counts). */
export function mentionsOtherAccount(text: string | null | undefined, platform: Platform, ownHandle: string): boolean {
  return otherMentions(text, platform, ownHandle).length > 0;
}
