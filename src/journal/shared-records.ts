/**
 * Header records the journal keeps, shared between the entries whose records are equal. A client sends
 * the same lines again and again (an answer too), so most exchanges find their record among the last
 * few kept and the journal holds no new object for them: every object an entry holds is one the
 * collector copies, promotes and marks while the entry lives. A kept record is a frozen copy, so no
 * reader of one entry can change another's.
 */
export interface SharedRecords {
  /** An equal record kept before, or a frozen copy of this one (kept from now on). */
  share(record: Readonly<Record<string, string>>): Readonly<Record<string, string>>;
}

/** How many distinct records are remembered: a few, as a client's lines differ in a length or two. */
const REMEMBERED = 8;

export function createSharedRecords(): SharedRecords {
  const kept: Readonly<Record<string, string>>[] = [];
  const sizes: number[] = [];
  let next = 0;
  let lastHit = 0;
  return {
    share(record) {
      const count = kept.length;
      for (let tried = 0; tried < count; tried++) {
        const index = (lastHit + tried) % count;
        if (equalRecords(kept[index] as Readonly<Record<string, string>>, sizes[index] as number, record)) {
          lastHit = index;
          return kept[index] as Readonly<Record<string, string>>;
        }
      }
      const copy = Object.freeze({ ...record });
      const size = Object.keys(copy).length;
      kept[next] = copy;
      sizes[next] = size;
      lastHit = next;
      next = (next + 1) % REMEMBERED;
      return copy;
    },
  };
}

/**
 * Whether `record`'s names and values are those of `kept`, which has `size` names. A header record is
 * a plain object whose names are its own (an inherited name reads as a value that differs, or counts
 * one too many).
 */
function equalRecords(kept: Readonly<Record<string, string>>, size: number, record: Readonly<Record<string, string>>): boolean {
  let names = 0;
  for (const name in record) {
    if (kept[name] !== record[name]) return false;
    names += 1;
  }
  return names === size;
}
