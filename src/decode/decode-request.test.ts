import { describe, expect, it } from 'vitest';
import type { BodyCodec } from '../codec/body-codec.ts';
import { createCodecRegistry } from '../codec/codec-registry.ts';
import type { RequestBodyObject } from '../spec/openapi-types.ts';
import { decodeRequest } from './decode-request.ts';

const jsonOnly: RequestBodyObject = { content: { 'application/json': { schema: { type: 'object' } } } };

function decodeForm(requestBody: RequestBodyObject | undefined, codecs: ReadonlyMap<string, BodyCodec>) {
  return decodeRequest({
    method: 'POST',
    url: new URL('http://localhost/x'),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    rawBody: 'a=1&a=2',
    path: {},
    parameters: [],
    requestBody,
    codecs,
  });
}

describe('decodeRequest', () => {
  it('does not decode a body whose media type the operation does not accept', () => {
    let decodes = 0;
    const counting: BodyCodec = {
      mediaTypes: ['application/x-www-form-urlencoded'],
      decode: () => {
        decodes += 1;
        return { ok: true, value: {} };
      },
      encode: () => '',
    };
    const { request, issues } = decodeForm(jsonOnly, createCodecRegistry([counting]));
    expect(decodes).toBe(0);
    expect(request.body).toBeUndefined();
    expect(request.mediaType).toBe('application/x-www-form-urlencoded');
    expect(issues).toEqual([]);
  });

  it('decodes a body of an accepted media type, and none of an operation that takes no body', () => {
    const registry = createCodecRegistry([]);
    const formToo: RequestBodyObject = { content: { ...jsonOnly.content, 'application/x-www-form-urlencoded': { schema: {} } } };
    expect(decodeForm(formToo, registry).request.body).toEqual({ a: ['1', '2'] });
    const bodiless = decodeForm(undefined, registry);
    expect(bodiless.request.body).toBeUndefined();
    expect(bodiless.request.rawBody).toBe('a=1&a=2');
    expect(bodiless.issues).toEqual([]);
  });

  it('decodes the body of an operation that takes none when its vendor folds body fields', () => {
    const { request } = decodeRequest({
      method: 'DELETE',
      url: new URL('http://localhost/x'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: 'a=1&a=2',
      path: {},
      parameters: [],
      requestBody: undefined,
      foldsBody: true,
      codecs: createCodecRegistry([]),
    });
    expect(request.body).toEqual({ a: ['1', '2'] });
  });

  it('keeps query and header names like __proto__ as own data', () => {
    const { request } = decodeRequest({
      method: 'GET',
      url: new URL('http://localhost/x?__proto__=1&constructor=2'),
      headers: JSON.parse('{"__proto__":"h"}') as Record<string, string>,
      rawBody: '',
      path: {},
      parameters: [],
      requestBody: undefined,
      codecs: createCodecRegistry([]),
    });
    expect(Object.hasOwn(request.query, '__proto__')).toBe(true);
    expect(request.query).toEqual(JSON.parse('{"__proto__":"1","constructor":"2"}'));
    expect(Object.hasOwn(request.headers, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(request.headers)).toBe(Object.prototype);
  });
});
