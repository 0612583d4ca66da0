import { expect, it } from 'vitest';
import { prettyBody } from './pretty-body.ts';

it('indents JSON bodies and leaves JSON it cannot parse as it came', () => {
  expect(prettyBody('{"Errors":[{"Error":"x"}]}', 'application/json')).toBe('{\n  "Errors": [\n    {\n      "Error": "x"\n    }\n  ]\n}');
  expect(prettyBody('{"cut', 'application/json')).toBe('{"cut');
});

it('puts each SOAP element on its own line, indented, with text-only elements kept on one line', () => {
  const envelope =
    '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Result><StatusCode>OK</StatusCode><Empty/><!-- note --></Result></soap:Body></soap:Envelope>';
  expect(prettyBody(envelope, 'text/xml; charset=utf-8').split('\n')).toEqual([
    '<?xml version="1.0"?>',
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">',
    '  <soap:Body>',
    '    <Result>',
    '      <StatusCode>OK</StatusCode>',
    '      <Empty/>',
    '      <!-- note -->',
    '    </Result>',
    '  </soap:Body>',
    '</soap:Envelope>',
  ]);
});

it('keeps form bodies and empty bodies as they are', () => {
  expect(prettyBody('orgid=2&mid=123', 'application/x-www-form-urlencoded')).toBe('orgid=2&mid=123');
  expect(prettyBody('  ', 'application/json')).toBe('');
});

it('stays linear on a long run of unclosed tags, comments and CDATA sections', () => {
  expect(prettyBody('<a>'.repeat(50_000), 'text/xml').split('\n')).toHaveLength(50_000);
  expect(prettyBody('<!--<![CDATA['.repeat(20_000), 'text/xml').split('\n')).toHaveLength(1);
  expect(prettyBody(`<a>${'<![CDATA['.repeat(20_000)}`, 'text/xml').split('\n')).toHaveLength(2);
});
