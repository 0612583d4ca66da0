import { describe, expect, it } from 'vitest';
import { toUtf16 } from '../../test/support/utf16.ts';
import { decodeBodyText } from './body-text.ts';

const XML = '<?xml version="1.0" encoding="UTF-16"?><a>é ✓</a>';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('body-text', () => {
  it.each([
    ['UTF-16LE with a BOM, whatever the Content-Type says', toUtf16(XML, 'le', true), 'text/xml; charset=utf-8'],
    ['UTF-16BE with a BOM', toUtf16(XML, 'be', true), 'text/xml'],
    ['UTF-16LE without a BOM, by its first bytes', toUtf16(XML, 'le', false), 'text/xml'],
    ['UTF-16BE without a BOM, by its first bytes', toUtf16(XML, 'be', false), 'application/soap+xml'],
    ['UTF-16BE without a BOM and without Content-Type', toUtf16(XML, 'be', false), undefined],
    ['UTF-16LE named by charset=utf-16', toUtf16(XML, 'le', false), 'text/xml; charset="UTF-16"'],
    ['UTF-8 with a BOM', utf8(`\uFEFF${XML.replace('UTF-16', 'UTF-8')}`), 'text/xml'],
  ])('reads %s', (_name, bytes, contentType) => {
    const decoded = decodeBodyText(bytes, contentType);
    expect(decoded.ok).toBe(true);
    expect(decoded.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-(16|8)"\?><a>é ✓<\/a>$/);
  });

  it('reads a JSON body in the UTF-16 its Content-Type names', () => {
    const json = '{"UserId":"omailAccount1","TrackId":"FOO0102003002","Note":"✓"}';
    expect(decodeBodyText(toUtf16(json, 'be', false), 'application/json; charset=utf-16be')).toEqual({ ok: true, text: json });
    expect(decodeBodyText(toUtf16(json, 'le', false), 'application/json;charset=UTF-16LE')).toEqual({ ok: true, text: json });
  });

  it.each([
    ['application/json', 'UTF-16LE', 'le'],
    ['application/json; charset=utf-8', 'UTF-16BE', 'be'],
    ['application/x-www-form-urlencoded', 'UTF-16LE', 'le'],
  ] as const)('reads a %s body with a %s byte order mark as UTF-16', (contentType, _name, order) => {
    const text = contentType.includes('form') ? 'orgid=2&mid=123&note=✓' : '{"UserId":"omailAccount1","Note":"✓"}';
    expect(decodeBodyText(toUtf16(text, order, true), contentType)).toEqual({ ok: true, text });
  });

  it('reads an XML declaration naming an ASCII-compatible encoding in that encoding', () => {
    const latin1 = Uint8Array.from([...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...utf8('</a>')]);
    expect(decodeBodyText(latin1, 'text/xml')).toEqual({ ok: true, text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>' });
  });

  it('refuses an ASCII body whose XML declaration names UTF-16, as it has no byte order mark', () => {
    const decoded = decodeBodyText(utf8(XML), 'text/xml');
    expect(decoded).toMatchObject({ ok: false, text: XML, unreadable: { reason: 'charset-mismatch' } });
  });

  it('lets the Content-Type charset win over the XML declaration', () => {
    expect(decodeBodyText(utf8(XML), 'text/xml; charset=utf-8')).toEqual({ ok: true, text: XML });
  });

  it('says so when the charset is one it cannot decode, and reads the body as UTF-8 for the journal', () => {
    expect(decodeBodyText(utf8('{"a":1}'), 'application/json; charset=x-klingon')).toEqual({
      ok: false,
      text: '{"a":1}',
      unreadable: {
        reason: 'unsupported-charset',
        message: 'The body cannot be read: the Content-Type names charset "x-klingon", which is not a supported character encoding.',
      },
    });
    expect(decodeBodyText(utf8('<?xml version="1.0" encoding="x-klingon"?><a/>'), 'text/xml')).toMatchObject({
      ok: false,
      unreadable: { reason: 'unsupported-charset' },
    });
  });
});
