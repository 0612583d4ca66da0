import fc from 'fast-check';
import { expect, it } from 'vitest';
import { createMock } from '../src/msw.ts';

const mock = createMock({ strict: true, vendors: ['momentum'] });
const AUTH = { authorization: `Basic ${Buffer.from('integration:secret').toString('base64')}` };

/** Characters a mid or orgid might plausibly be typed with, including the grammar's own. */
const piece = fc.constantFrom('1', '2', '9', '12', '123', '124', '130', '999', '-', ',', ' ', '+', 'x', '%', '.', '1e3', '');

it('answers any mid/orgid input with a documented Momentum status, and changes no mailing unless it answers 0', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 3 }), async (midParts, orgParts) => {
      await mock.reset();
      const before = await mock.getState();
      const query = new URLSearchParams({ orgid: orgParts.join(''), mid: midParts.join('') });
      const response = await mock.fetch(
        new Request(`http://api.mc.messagesystems.com/v3.5/mailing/cancel?${query}`, { method: 'PUT', headers: AUTH }),
      );
      const text = await response.text();
      expect([200, 400, 404, 500]).toContain(response.status);
      if (response.status === 200) expect(text).toBe('0');
      else {
        expect(JSON.parse(text)).toEqual({ message: expect.any(String), name: expect.any(String) });
        expect(await mock.getState()).toEqual(before);
      }
    }),
    { numRuns: 300 },
  );
});
