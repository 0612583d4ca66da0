import { expect, it } from 'vitest';
import { escapeXml, escapeXmlText } from './xml-text.ts';

it('replaces characters XML 1.0 cannot carry and keeps carriage returns', () => {
  expect(escapeXml('a\u0000b\r\n\uD800c😀')).toBe('a\uFFFDb&#xD;\n\uFFFDc😀');
  expect(escapeXmlText('a\u0001b\r\n\uDC00c😀\uFFFE\u000B')).toBe('a\uFFFDb&#xD;\n\uFFFDc😀\uFFFD\uFFFD');
});

it('escapes quotes for attributes, and leaves them in element text', () => {
  expect(escapeXml(`<a href="x">Tom's & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom&apos;s &amp; Jerry&apos;s&lt;/a&gt;');
  expect(escapeXmlText(`<a href="x">Tom's & Jerry's</a>`)).toBe(`&lt;a href="x"&gt;Tom's &amp; Jerry's&lt;/a&gt;`);
});

it('returns text that needs nothing as it is, tabs and line feeds included', () => {
  for (const text of ['', 'FOO0102003002', 'tab\there\nnext', '2026-12-04T10:00:00Z']) {
    expect(escapeXml(text)).toBe(text);
    expect(escapeXmlText(text)).toBe(text);
  }
});
