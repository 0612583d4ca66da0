/**
 * Texts kept as bytes outside the JavaScript heap: the journal's bodies. The two bodies of an exchange
 * are written one after the other into the newest chunk (a `Buffer`) and read back as new strings with
 * exactly the code units written: ASCII at one byte a unit, other well-formed text as UTF-8, text with
 * a lone surrogate as UTF-16. The collector never copies or marks the bytes, and a chunk is freed with
 * the last entry that points into it. Chunks start small (a session's journal may keep a few exchanges
 * only) and double up to 256 KiB.
 *
 * A full-size chunk that no kept pair points into any more (each pair is released when the journal
 * drops its entry) is written into again instead of a new one. V8 counts every new `Buffer`'s bytes
 * toward its next full collection, so a journal that took a new chunk every hundred or so large
 * exchanges (SOAP) made the server collect its whole heap every few thousand requests.
 *
 * @see https://nodejs.org/docs/latest-v20.x/api/buffer.html#buffers-and-character-encodings
 * @see https://tc39.es/ecma262/#sec-string.prototype.iswellformed
 */
export interface BodyChunks {
  /** Keeps two texts and says where: the answer is one object, overwritten by the next `write`. */
  write(first: string, second: string): KeptTexts;
  /** One pair kept in `chunk` is no longer read: once none is, a full-size chunk is written into again. */
  release(chunk: Buffer): void;
  /** Forgets the newest chunk: the next `write` starts a small one. What was written stays readable. */
  clear(): void;
}

/** Where two kept texts are: their chunk, the first one's start, each one's bytes, and both encodings. */
export interface KeptTexts {
  chunk: Buffer;
  start: number;
  firstBytes: number;
  secondBytes: number;
  /** The first text's encoding plus 4 × the second's (read them with `readFirst` and `readSecond`). */
  encodings: number;
}

/** A kept text's encoding: one byte a code unit (all ASCII), UTF-8, or UTF-16 (a lone surrogate). */
const ONE_BYTE = 0;
const UTF8 = 1;
const UTF16 = 2;
const ENCODING_NAMES: readonly BufferEncoding[] = ['latin1', 'utf8', 'utf16le'];
const FIRST_CHUNK_BYTES = 4 * 1024;
const LARGEST_CHUNK_BYTES = 256 * 1024;
/** Released full-size chunks kept for reuse; more are left to the collector (a journal that shrank). */
const MOST_SPARE_CHUNKS = 2;

export function createBodyChunks(): BodyChunks {
  const kept: KeptTexts = { chunk: Buffer.alloc(0), start: 0, firstBytes: 0, secondBytes: 0, encodings: 0 };
  let chunk: Buffer | undefined;
  let used = 0;
  let nextChunkBytes = FIRST_CHUNK_BYTES;
  // Pairs still kept in each chunk, and full-size chunks none are kept in, ready to be written again.
  const keptPairs = new Map<Buffer, number>();
  let spare: Buffer[] = [];
  const newChunk = (bytes: number): Buffer => {
    const size = Math.max(nextChunkBytes, bytes);
    nextChunkBytes = Math.min(LARGEST_CHUNK_BYTES, nextChunkBytes * 2);
    return (size === LARGEST_CHUNK_BYTES ? spare.pop() : undefined) ?? Buffer.allocUnsafeSlow(size);
  };
  const setAside = (full: Buffer): void => {
    keptPairs.delete(full);
    if (full.length === LARGEST_CHUNK_BYTES && spare.length < MOST_SPARE_CHUNKS) spare.push(full);
  };
  return {
    write(first, second) {
      const firstBytes = utf8Bytes(first);
      const secondBytes = utf8Bytes(second);
      const firstEncoding = encodingOf(first, firstBytes);
      const secondEncoding = encodingOf(second, secondBytes);
      const firstLength = firstEncoding === UTF16 ? first.length * 2 : firstBytes;
      const secondLength = secondEncoding === UTF16 ? second.length * 2 : secondBytes;
      if (chunk === undefined || used + firstLength + secondLength > chunk.length) {
        if (chunk !== undefined && !keptPairs.has(chunk)) setAside(chunk);
        chunk = newChunk(firstLength + secondLength);
        used = 0;
      }
      if (firstLength > 0) chunk.write(first, used, firstLength, ENCODING_NAMES[firstEncoding] as BufferEncoding);
      if (secondLength > 0) chunk.write(second, used + firstLength, secondLength, ENCODING_NAMES[secondEncoding] as BufferEncoding);
      keptPairs.set(chunk, (keptPairs.get(chunk) ?? 0) + 1);
      kept.chunk = chunk;
      kept.start = used;
      kept.firstBytes = firstLength;
      kept.secondBytes = secondLength;
      kept.encodings = firstEncoding + 4 * secondEncoding;
      used += firstLength + secondLength;
      return kept;
    },
    release(written) {
      const pairs = (keptPairs.get(written) ?? 0) - 1;
      // The chunk still being filled is set aside once full, if no pair is kept in it by then.
      if (pairs > 0) keptPairs.set(written, pairs);
      else if (written === chunk) keptPairs.delete(written);
      else if (pairs === 0) setAside(written);
    },
    clear() {
      chunk = undefined;
      used = 0;
      nextChunkBytes = FIRST_CHUNK_BYTES;
      keptPairs.clear();
      spare = [];
    },
  };
}

/** The first of two kept texts. */
export function readFirst(chunk: Buffer, start: number, bytes: number, encodings: number): string {
  return bytes === 0 ? '' : chunk.toString(ENCODING_NAMES[encodings & 3] as BufferEncoding, start, start + bytes);
}

/** The second of two kept texts (it starts where the first ends). */
export function readSecond(chunk: Buffer, start: number, bytes: number, encodings: number): string {
  return bytes === 0 ? '' : chunk.toString(ENCODING_NAMES[encodings >> 2] as BufferEncoding, start, start + bytes);
}

function utf8Bytes(text: string): number {
  return text.length === 0 ? 0 : Buffer.byteLength(text, 'utf8');
}

/**
 * As many UTF-8 bytes as code units means every unit is ASCII. Otherwise UTF-8 keeps the text exactly
 * only when it is well formed: a lone surrogate would come back as U+FFFD.
 */
function encodingOf(text: string, utf8ByteCount: number): number {
  if (utf8ByteCount === text.length) return ONE_BYTE;
  return text.isWellFormed() ? UTF8 : UTF16;
}
