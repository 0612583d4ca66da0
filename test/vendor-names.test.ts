import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMock, UsageError as MswUsageError } from '../src/msw.ts';
import { createDriftCheck } from '../src/proxy/msw-drift-check.ts';
import { UsageError as ServerUsageError, startServer } from '../src/server.ts';
import { ALL_VENDORS, checkVendorNames } from '../src/vendor-names.ts';
import { selectModules, VENDOR_MODULES } from '../src/vendors.ts';

describe('the vendor names serve checks before loading the vendors', () => {
  it('are the registry’s vendors, in its order', () => {
    expect(ALL_VENDORS).toEqual(Object.keys(VENDOR_MODULES));
  });

  it('refuse an unknown name with the same error as selecting its module', () => {
    const fromNames = (() => {
      try {
        checkVendorNames(['omeda', 'omda']);
      } catch (error) {
        return error;
      }
    })();
    const fromModules = (() => {
      try {
        selectModules(['omeda', 'omda']);
      } catch (error) {
        return error;
      }
    })();
    expect(fromNames).toBeInstanceOf(Error);
    expect((fromNames as Error).message).toContain("Unknown vendor 'omda'. Did you mean 'omeda'?");
    expect(fromNames).toEqual(fromModules);
  });

  it('refuse a name given twice, before any vendor is built', () => {
    expect(() => checkVendorNames(['omeda', 'sfmc', 'omeda'])).toThrow(
      "[esp-cancel-mock] Vendor 'omeda' is named twice. Name each vendor once.",
    );
    expect(() => selectModules(['sfmc', 'sfmc'])).toThrow("Vendor 'sfmc' is named twice.");
  });

  it('refuse a list that names no vendor, in createMock and startServer as in the CLI', async () => {
    const message =
      '[esp-cancel-mock] No vendor is named. Use one or more of: momentum, omeda, sfmc, voltmx, or leave the list out to serve them all.';
    expect(() => checkVendorNames([])).toThrow(message);
    expect(() => createMock({ vendors: [] })).toThrow(message);
    // The error class is exported where the call is, so a test can check it with instanceof.
    expect(() => createMock({ vendors: [] })).toThrow(MswUsageError);
    expect(() => createDriftCheck({ vendors: [] })).toThrow(message);
    // Refused before a socket opens: the port is held here, so a server that got as far as listening
    // would fail with EADDRINUSE instead (and one that listened anyway is closed).
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const started = startServer({ vendors: [], port });
      started.then(
        (server) => server.close(),
        () => undefined,
      );
      await expect(started).rejects.toThrow(message);
      await expect(started).rejects.toBeInstanceOf(ServerUsageError);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    expect(createMock().vendors).toEqual(ALL_VENDORS);
  });

  it('accept every known name', () => {
    expect(() => checkVendorNames(ALL_VENDORS)).not.toThrow();
  });
});
