import { describe, expect, it } from 'vitest';
import type { BodyCodec } from '../codec/body-codec.ts';
import { createCodecRegistry } from '../codec/codec-registry.ts';
import type { OpenApiDocument, OperationObject } from '../spec/openapi-types.ts';
import { encodeResponse } from './encode-response.ts';

const DOCUMENT = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} } as unknown as OpenApiDocument;
const xmlCodec: BodyCodec = { mediaTypes: ['text/xml'], charset: 'utf-8', decode: () => ({ ok: true, value: null }), encode: () => '<a/>' };
const CODECS = createCodecRegistry([xmlCodec]);

const operationWith = (mediaType: string): OperationObject =>
  ({
    operationId: 'op',
    responses: { '200': { description: 'ok', content: { [mediaType]: { schema: {} } } } },
  }) as unknown as OperationObject;

describe('encodeResponse', () => {
  it.each([
    ['application/json;charset=UTF-8', 'application/json;charset=UTF-8', '{"a":1}'],
    ['application/json', 'application/json', '{"a":1}'],
    ['text/xml', 'text/xml; charset=utf-8', '<a/>'],
    ['text/xml;charset=ISO-8859-1', 'text/xml;charset=ISO-8859-1', '<a/>'],
  ])('sends the documented media type %s as Content-Type %s, encoded by the codec of its bare type', (documented, contentType, text) => {
    const encoded = encodeResponse(DOCUMENT, operationWith(documented), { status: 200, body: { a: 1 } }, CODECS);
    expect(encoded.headers['content-type']).toBe(contentType);
    expect(encoded.mediaType).toBe(documented);
    expect(encoded.bodyText).toBe(text);
    expect(encoded.codec).toBe(CODECS.get(documented.split(';')[0] as string));
  });

  it('names no codec for a body no codec wrote, nor for no body', () => {
    const plain = encodeResponse(DOCUMENT, operationWith('application/octet-stream'), { status: 200, body: 'Service Unavailable' }, CODECS);
    expect(plain).toMatchObject({ bodyText: 'Service Unavailable', codec: undefined });
    expect(encodeResponse(DOCUMENT, operationWith('application/json'), { status: 204 }, CODECS).codec).toBeUndefined();
  });

  it('keeps a Content-Type the handler set itself', () => {
    const encoded = encodeResponse(
      DOCUMENT,
      operationWith('application/json;charset=UTF-8'),
      { status: 200, headers: { 'Content-Type': 'application/json' }, body: {} },
      CODECS,
    );
    expect(encoded.headers['content-type']).toBe('application/json');
  });
});
