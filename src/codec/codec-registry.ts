import type { BodyCodec } from './body-codec.ts';
import { formCodec } from './form-codec.ts';
import { jsonCodec } from './json-codec.ts';
import { textCodec } from './text-codec.ts';

/** The built-in codecs; vendor modules add theirs (SOAP XML) for their own routes. */
export const BUILT_IN_CODECS: readonly BodyCodec[] = [jsonCodec, formCodec, textCodec];

/** Media type → codec, vendor codecs first so a vendor may read a type its own way. */
export function createCodecRegistry(codecs: readonly BodyCodec[]): ReadonlyMap<string, BodyCodec> {
  const registry = new Map<string, BodyCodec>();
  for (const codec of [...codecs, ...BUILT_IN_CODECS]) {
    for (const mediaType of codec.mediaTypes) if (!registry.has(mediaType)) registry.set(mediaType, codec);
  }
  return registry;
}

/** Finds the codec of a media type, reading any `+json` suffix as JSON. */
export function findCodec(registry: ReadonlyMap<string, BodyCodec>, mediaType: string): BodyCodec | undefined {
  return registry.get(mediaType) ?? (mediaType.endsWith('+json') ? jsonCodec : undefined);
}
