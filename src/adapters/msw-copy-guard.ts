import { createRequire } from 'node:module';
import type { RequestHandler } from 'msw';

/**
 * The properties by which one msw 2.x/3.x copy or another recognises a request handler: `__kind`
 * (msw ≤ 2.11), `kind` (msw ≥ 2.12) and `dispose` (msw 3). Our own copy sets some of them on the
 * handlers it builds; a read of one it does not set can only come from another copy of msw.
 */
const FOREIGN_MARKERS = ['__kind', 'kind', 'dispose'] as const;

/** The version and location of the msw that built our handlers (the peer resolved from this package). */
function ownMsw(): { readonly version: string; readonly path: string } {
  const require = createRequire(import.meta.url);
  const path = require.resolve('msw/package.json');
  return { version: (require(path) as { version: string }).version, path: path.replace(/[/\\]package\.json$/, '') };
}

/** Error thrown when a handler built with one msw copy is run by another. */
export class MswCopyMismatchError extends Error {
  constructor(marker: string, ownMarkers: readonly string[]) {
    const own = ownMsw();
    super(
      `[esp-cancel-mock] createMock()'s handlers were built by one copy of msw and are run by another: the running copy asked ` +
        `for handler.${marker}, which the building copy does not set (it sets ${ownMarkers.map((name) => `handler.${name}`).join(', ') || 'neither'}). ` +
        `Their requests would never match. esp-cancel-mock resolves msw ${own.version} at ${own.path}; make your app and it use one msw, ` +
        'in the range ^2.10.0 (`npm ls msw` lists the copies; `npm dedupe`, or installing esp-cancel-mock from a tarball or the registry ' +
        'instead of a link, merges them).',
    );
    this.name = 'MswCopyMismatchError';
  }
}

/**
 * Turns silent non-matching into one clear error: every marker property our msw copy leaves unset gets
 * a getter that throws `MswCopyMismatchError`. Non-enumerable, so printing a handler does not trip it.
 */
export function guardMswCopy<H extends RequestHandler>(handler: H): H {
  const ownMarkers = FOREIGN_MARKERS.filter((marker) => marker in handler);
  for (const marker of FOREIGN_MARKERS) {
    if (ownMarkers.includes(marker)) continue;
    Object.defineProperty(handler, marker, {
      configurable: true,
      enumerable: false,
      get() {
        throw new MswCopyMismatchError(marker, ownMarkers);
      },
    });
  }
  return handler;
}
