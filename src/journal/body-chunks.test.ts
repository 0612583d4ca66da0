import { describe, expect, it } from 'vitest';
import { createBodyChunks, readFirst, readSecond } from './body-chunks.ts';

/** Writes two texts and reads them back from where the chunks say they are. */
function roundTrip(chunks: ReturnType<typeof createBodyChunks>, first: string, second: string): [string, string] {
  const { chunk, start, firstBytes, secondBytes, encodings } = chunks.write(first, second);
  return [readFirst(chunk, start, firstBytes, encodings), readSecond(chunk, start + firstBytes, secondBytes, encodings)];
}

describe('createBodyChunks', () => {
  it('reads back the same code units it was given, lone surrogates included', () => {
    const chunks = createBodyChunks();
    const texts = ['', 'ascii only', 'Grüße, ©', '€ 😀', '\uD83D', 'a\uDE00b', '\uDE00\uD83D'];
    for (const first of texts) for (const second of texts) expect(roundTrip(chunks, first, second)).toEqual([first, second]);
  });

  it('keeps ASCII at one byte a character and UTF-16 only for text UTF-8 cannot keep', () => {
    const chunks = createBodyChunks();
    expect(chunks.write('abcd', 'é').firstBytes).toBe(4);
    expect(chunks.write('abcd', 'é').secondBytes).toBe(2);
    expect(chunks.write('\uD800x', '').firstBytes).toBe(4);
  });

  it('starts a new chunk when one is full and still reads what the earlier chunks hold', () => {
    const chunks = createBodyChunks();
    const kept = Array.from({ length: 200 }, (_, index) => {
      const texts: [string, string] = [`${index}:`.padEnd(3000, 'r'), `${index}:`.padEnd(1000 + index, 'é')];
      return { texts, at: { ...chunks.write(...texts) } };
    });
    expect(new Set(kept.map(({ at }) => at.chunk)).size).toBeGreaterThan(2);
    for (const { texts, at } of kept) {
      expect(readFirst(at.chunk, at.start, at.firstBytes, at.encodings)).toBe(texts[0]);
      expect(readSecond(at.chunk, at.start + at.firstBytes, at.secondBytes, at.encodings)).toBe(texts[1]);
    }
  });

  it('gives a text larger than a chunk a chunk of its own size', () => {
    const chunks = createBodyChunks();
    const large = 'x'.repeat(300 * 1024);
    expect(roundTrip(chunks, large, 'after')).toEqual([large, 'after']);
    expect(roundTrip(chunks, 'next', '')).toEqual(['next', '']);
  });

  it('writes into a full-size chunk again once every pair kept in it is released', () => {
    const chunks = createBodyChunks();
    const written = Array.from({ length: 40 }, () => ({ ...chunks.write('r'.repeat(20_000), 'a'.repeat(10_000)) }));
    const full = written.find(({ chunk }) => chunk.length === 256 * 1024)?.chunk as Buffer;
    for (const { chunk } of written) if (chunk === full) chunks.release(chunk);
    const later = Array.from({ length: 20 }, () => chunks.write('n'.repeat(20_000), 'b'.repeat(10_000)).chunk);
    expect(later).toContain(full);
  });

  it('never writes into a chunk while a pair kept in it is still read', () => {
    const chunks = createBodyChunks();
    const written = Array.from({ length: 40 }, (_, index) => {
      const texts: [string, string] = [`${index}`.padEnd(20_000, 'r'), `${index}`.padEnd(10_000, 'a')];
      return { texts, at: { ...chunks.write(...texts) } };
    });
    // The first full-size chunk, long full: all its pairs released but one.
    const stillRead = written.find(({ at }) => at.chunk.length === 256 * 1024) as (typeof written)[number];
    for (const { at } of written) if (at.chunk === stillRead.at.chunk && at !== stillRead.at) chunks.release(at.chunk);
    for (let index = 0; index < 60; index++) expect(chunks.write('n'.repeat(20_000), '').chunk).not.toBe(stillRead.at.chunk);
    const { at, texts } = stillRead;
    expect(readFirst(at.chunk, at.start, at.firstBytes, at.encodings)).toBe(texts[0]);
    expect(readSecond(at.chunk, at.start + at.firstBytes, at.secondBytes, at.encodings)).toBe(texts[1]);
  });

  it('starts small again after a clear, leaving what was written readable', () => {
    const chunks = createBodyChunks();
    for (let index = 0; index < 100; index++) chunks.write('x'.repeat(4000), '');
    const before = { ...chunks.write('kept', '') };
    chunks.clear();
    const after = chunks.write('new', '');
    expect(after.chunk.length).toBeLessThan(before.chunk.length);
    expect(readFirst(before.chunk, before.start, before.firstBytes, before.encodings)).toBe('kept');
  });
});
