import { describe, expect, it } from 'vitest';
import { EntityParseError, formatText } from '../entities/formatted-text.ts';
import { parseHtml } from '../entities/html.ts';

const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof EntityParseError) return error.message;
    throw error;
  }
  throw new Error('expected a parse error');
};

describe('HTML parse mode', () => {
  it('maps every formatting tag and its aliases to entities', () => {
    const { text, entities } = parseHtml(
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>',
    );
    expect(text).toBe('bsieunskd');
    expect(entities.map((e) => e.type)).toEqual([
      'bold',
      'bold',
      'italic',
      'italic',
      'underline',
      'underline',
      'strikethrough',
      'strikethrough',
      'strikethrough',
    ]);
    expect(entities.map((e) => e.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('parses spoilers, code, pre with language, links and blockquotes', () => {
    const { text, entities } = parseHtml(
      '<tg-spoiler>x</tg-spoiler><span class="tg-spoiler">y</span><code>c</code>' +
        '<pre><code class="language-python">print(1)</code></pre><pre>raw</pre>' +
        '<a href="https://example.com/a?b=1">link</a><blockquote>q</blockquote><blockquote expandable>long</blockquote>',
    );
    expect(text).toBe('xycprint(1)rawlinkqlong');
    expect(entities).toEqual([
      { type: 'spoiler', offset: 0, length: 1 },
      { type: 'spoiler', offset: 1, length: 1 },
      { type: 'code', offset: 2, length: 1 },
      { type: 'pre', offset: 3, length: 8, language: 'python' },
      { type: 'pre', offset: 11, length: 3 },
      { type: 'text_link', offset: 14, length: 4, url: 'https://example.com/a?b=1' },
      { type: 'blockquote', offset: 18, length: 1 },
      { type: 'expandable_blockquote', offset: 19, length: 4 },
    ]);
  });

  it('decodes the supported character entities and leaves unknown ones literal', () => {
    expect(parseHtml('&lt;a&gt; &amp; &quot;q&quot; &#39;s&#x27; &#128512; &nbsp; &copy').text).toBe(
      '<a> & "q" \'s\' 😀 &nbsp; &copy',
    );
  });

  it('handles nested tags with UTF-16 offsets across emoji', () => {
    const { text, entities } = parseHtml('😀 <b>bold <i>both 👍</i></b> end');
    expect(text).toBe('😀 bold both 👍 end');
    expect(entities).toEqual([
      { type: 'bold', offset: 3, length: 12 },
      { type: 'italic', offset: 8, length: 7 },
    ]);
  });

  it('turns tg://user links into text mentions', () => {
    const { entities } = parseHtml('<a href="tg://user?id=42">Alice</a>');
    expect(entities[0]).toMatchObject({ type: 'text_mention', offset: 0, length: 5, user: { id: 42 } });
  });

  it('reports Telegram errors with UTF-8 byte offsets', () => {
    expect(errorOf(() => parseHtml('<b>bold'))).toBe('Can\'t find end tag corresponding to start tag "b"');
    expect(errorOf(() => parseHtml('hi <foo>x</foo>'))).toBe('Unsupported start tag "foo" at byte offset 3');
    expect(errorOf(() => parseHtml('é <br>'))).toBe('Unsupported start tag "br" at byte offset 3');
    expect(errorOf(() => parseHtml('x</b>'))).toBe('Unexpected end tag at byte offset 1');
    expect(errorOf(() => parseHtml('<b><i>x</b></i>'))).toBe(
      'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"',
    );
    expect(errorOf(() => parseHtml('a <b'))).toBe('Unclosed start tag at byte offset 2');
    expect(errorOf(() => parseHtml('<span>x</span>'))).toBe(
      'Tag "span" must have class "tg-spoiler" at byte offset 0',
    );
  });

  it('trims whitespace like Telegram and drops entities that become empty', () => {
    const result = formatText('  <b> </b>\n<i>hi</i>  ', 'HTML', undefined);
    expect(result).toEqual({ text: 'hi', entities: [{ type: 'italic', offset: 0, length: 2 }] });
  });

  it('auto-detects commands, mentions, hashtags, URLs and e-mails', () => {
    const { entities } = formatText(
      '/start@my_bot hi @alice_1 #tag https://x.io/p. a@b.io',
      undefined,
      undefined,
    );
    expect(entities.map((e) => [e.type, e.offset, e.length])).toEqual([
      ['bot_command', 0, 13],
      ['mention', 17, 8],
      ['hashtag', 26, 4],
      ['url', 31, 14],
      ['email', 47, 6],
    ]);
  });
});
