import { describe, expect, it } from 'vitest';
import { EntityParseError } from '../entities/formatted-text.ts';
import { parseMarkdown } from '../entities/markdown.ts';
import { parseMarkdownV2 } from '../entities/markdown-v2.ts';

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof EntityParseError) return error.message;
    throw error;
  }
  throw new Error('expected a parse error');
};

describe('MarkdownV2 parse mode', () => {
  it('parses the formatting syntax, nested', () => {
    const { text, entities } = parseMarkdownV2(
      '*bold _italic bold ~strike~ __underline__ ||spoiler||_ bold*',
    );
    expect(text).toBe('bold italic bold strike underline spoiler bold');
    expect(entities).toEqual([
      { type: 'bold', offset: 0, length: 46 },
      { type: 'italic', offset: 5, length: 36 },
      { type: 'strikethrough', offset: 17, length: 6 },
      { type: 'underline', offset: 24, length: 9 },
      { type: 'spoiler', offset: 34, length: 7 },
    ]);
  });

  it('parses links, inline code and pre blocks with a language', () => {
    const { text, entities } = parseMarkdownV2(
      '[site](https://example.com/x\\)y) `a\\`b` ```js\nlet x = 1;\n```',
    );
    expect(text).toBe('site a`b let x = 1;\n');
    expect(entities).toEqual([
      { type: 'text_link', offset: 0, length: 4, url: 'https://example.com/x)y' },
      { type: 'code', offset: 5, length: 3 },
      { type: 'pre', offset: 9, length: 11, language: 'js' },
    ]);
  });

  it('unescapes escaped reserved characters', () => {
    expect(parseMarkdownV2('1\\.5 \\- done\\! \\(ok\\) \\#1 \\\\').text).toBe('1.5 - done! (ok) #1 \\');
  });

  it('requires reserved characters to be escaped, naming the character', () => {
    expect(errorOf(() => parseMarkdownV2('Version 1.5'))).toBe(
      "Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    expect(errorOf(() => parseMarkdownV2('a-b'))).toBe(
      "Character '-' is reserved and must be escaped with the preceding '\\'",
    );
    expect(errorOf(() => parseMarkdownV2('wow!'))).toBe(
      "Character '!' is reserved and must be escaped with the preceding '\\'",
    );
  });

  it('reports unclosed entities by TDLib name and byte offset', () => {
    expect(errorOf(() => parseMarkdownV2('ok *bold'))).toBe("Can't find end of Bold entity at byte offset 3");
    expect(errorOf(() => parseMarkdownV2('é _it'))).toBe("Can't find end of Italic entity at byte offset 3");
    expect(errorOf(() => parseMarkdownV2('[x](http://a.b'))).toBe("Can't find end of a URL at byte offset 4");
  });

  it('parses block quotes, including expandable ones', () => {
    const plain = parseMarkdownV2('>line one\n>line two\nafter');
    expect(plain.text).toBe('line one\nline two\nafter');
    expect(plain.entities).toEqual([{ type: 'blockquote', offset: 0, length: 17 }]);
    const expandable = parseMarkdownV2('**>hidden\n>more||');
    expect(expandable.text).toBe('hidden\nmore');
    expect(expandable.entities).toEqual([{ type: 'expandable_blockquote', offset: 0, length: 11 }]);
  });

  it('counts offsets in UTF-16 code units', () => {
    expect(parseMarkdownV2('👍 *ok*').entities).toEqual([{ type: 'bold', offset: 3, length: 2 }]);
  });
});

describe('legacy Markdown parse mode', () => {
  it('parses bold, italic, code, pre and links without requiring escapes', () => {
    const { text, entities } = parseMarkdown('*b* _i_ `c` [l](http://x.io/) 1.5-2! ```py\nx\n```');
    expect(text).toBe('b i c l 1.5-2! x\n');
    expect(entities).toEqual([
      { type: 'bold', offset: 0, length: 1 },
      { type: 'italic', offset: 2, length: 1 },
      { type: 'code', offset: 4, length: 1 },
      { type: 'text_link', offset: 6, length: 1, url: 'http://x.io/' },
      { type: 'pre', offset: 15, length: 2, language: 'py' },
    ]);
  });

  it('reports an unclosed entity with its byte offset', () => {
    expect(errorOf(() => parseMarkdown('hi *there'))).toBe(
      "Can't find end of the entity starting at byte offset 3",
    );
  });
});
