// The CSV tokenizer: quoting, line breaks of every kind, chunk boundaries anywhere, strict quotes.
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError } from './csv-parser.ts';

/** Parses text fed in chunks of `size` characters. */
function parse(text: string, size = text.length || 1, delimiter = ','): string[][] {
  const p = new CsvParser(delimiter.charCodeAt(0));
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += size) p.push(text.slice(i, i + size), out);
  p.end(out);
  return out;
}

const failure = (text: string) => {
  try {
    parse(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { code: err.code, records: err.records };
    throw err;
  }
  return undefined;
};

describe('CsvParser', () => {
  it.each([
    ['a,b\nc,d\n', [['a', 'b'], ['c', 'd']]],
    ['a,b\r\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a,b\rc,d\r', [['a', 'b'], ['c', 'd']]],
    ['x,"a ""quoted"" word, and\r\na line break"\n', [['x', 'a "quoted" word, and\r\na line break']]],
    ['\n\na,\n,\n""\n', [['a', ''], ['', ''], ['']]],
    [' a , b \n', [[' a ', ' b ']]],
    ['a;b,c\n', [['a;b', 'c']]],
    ['a,b\nc\r,d\n', [['a', 'b'], ['c\r', 'd']]],
  ])('%j', (text, records) => {
    for (let size = 1; size <= text.length; size++) expect(parse(text, size)).toEqual(records);
  });

  it('takes any one-character delimiter', () => {
    expect(parse('a;"b;c";d\n', 3, ';')).toEqual([['a', 'b;c', 'd']]);
  });

  it('refuses stray and unclosed quotes, counting the records before', () => {
    expect(failure('a,b\nc,d"e\n')).toEqual({ code: 'invalid-quote', records: 1 });
    expect(failure('a\n"b"c\n')).toEqual({ code: 'invalid-quote', records: 1 });
    expect(failure('a\nb\n"c,\nd\n')).toEqual({ code: 'quote-not-closed', records: 2 });
  });
});
