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
