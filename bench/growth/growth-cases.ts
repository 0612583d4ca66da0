/**
 * The work that must stay linear in its input (docs/development.md "Growth check": work on user input
 * and every bulk operation is linear in its size): each decoder, the store's bulk operations and the
 * journal, each at a size the harness calibrates.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { parseDigestCredentials } from '../../handlers/kit/digest-credentials.ts';
import { parseMailingIds } from '../../handlers/momentum/mailing-ids.ts';
import { sfmcSoapCodec } from '../../handlers/sfmc/codec.ts';
import { toJournalResponse } from '../../src/admin/journal-response.ts';
import { decodeBodyText } from '../../src/codec/body-text.ts';
import { formCodec } from '../../src/codec/form-codec.ts';
import { jsonCodec } from '../../src/codec/json-codec.ts';
import { textCodec } from '../../src/codec/text-codec.ts';
import { createEngine, type MockEngine } from '../../src/engine/create-engine.ts';
import { createRequestJournal, MAX_JOURNAL_CAPACITY, type NewJournalEntry } from '../../src/journal/request-journal.ts';
import { IndexedCollection } from '../../src/store/indexed-collection.ts';
import { selectModules } from '../../src/vendors.ts';
import type { GrowthCase } from './measure-growth.ts';

const SOAP_ENVELOPE = (definitions: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><PerformRequestMsg xmlns="http://exacttarget.com/wsdl/partnerAPI"><Action>cancel</Action><Definitions>${definitions}</Definitions></PerformRequestMsg></soap:Body></soap:Envelope>`;

const journalEntry = (index: number, body = ''): NewJournalEntry => ({
  time: 0,
  durationMs: 1,
  vendor: 'omeda',
  operationId: 'cancelDeployment',
  request: { method: 'POST', url: `http://127.0.0.1/x/${index}`, headers: {}, body },
  response: { status: 200, headers: {}, body: '{}' },
  forced: null,
  validation: { request: [], response: [] },
});

interface Renamable {
  id: string;
  name: string;
}

/** The update case times the collection, not ajv: every record passes. */
const passThrough: StandardSchemaV1<Renamable, Renamable> = {
  '~standard': { version: 1, vendor: 'growth', validate: (value) => ({ value: value as Renamable }) },
};

let engine: MockEngine | undefined;
async function omedaEngine(): Promise<MockEngine> {
  engine ??= createEngine({ modules: selectModules(['omeda']), journalCapacity: 0 });
  await engine.ready;
  return engine;
}

async function deployments(n: number): Promise<unknown[]> {
  const mock = await omedaEngine();
  await mock.reset();
  const [template] = (await mock.getState()).omeda?.deployments ?? [];
  return Array.from({ length: n }, (_, index) => ({ ...(template as object), TrackId: `GROWTH${index}` }));
}

const formRequest = (body: string) =>
  new Request('http://127.0.0.1/webservices/rest/brand/FOO/omail/deployment/cancel/*', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-omeda-appid': 'growth' },
    body,
  });

export const GROWTH_CASES: readonly GrowthCase[] = [
  {
    name: 'form codec: one name repeated n times',
    from: 1_000,
    upTo: 200_000,
    prepare: (n) => {
      const body = 'a=1&'.repeat(n);
      return () => formCodec.decode(body);
    },
  },
  {
    name: 'form codec: n distinct names',
    from: 1_000,
    upTo: 200_000,
    prepare: (n) => {
      const body = Array.from({ length: n }, (_, index) => `f${index}=1`).join('&');
      return () => formCodec.decode(body);
    },
  },
  {
    name: 'JSON codec: n nested members and array items',
    from: 1_000,
    upTo: 200_000,
    prepare: (n) => {
      const body = JSON.stringify({ items: Array.from({ length: n }, (_, index) => ({ id: index, name: `n${index}` })) });
      return () => jsonCodec.decode(body);
    },
  },
  {
    name: 'text codec: n characters',
    from: 10_000,
    upTo: 4_000_000,
    prepare: (n) => {
      const body = 'x'.repeat(n);
      return () => textCodec.decode(body);
    },
  },
  {
    name: 'body text: n characters of UTF-16 XML (BOM sniffed, then decoded)',
    from: 10_000,
    upTo: 1_000_000,
    prepare: (n) => {
      const bytes = new Uint8Array(Buffer.from(`\uFEFF<?xml version="1.0" encoding="UTF-16"?><a>${'x'.repeat(n)}</a>`, 'utf16le'));
      return () => decodeBodyText(bytes, 'text/xml');
    },
  },
  {
    name: 'Digest credentials: n auth-params',
    from: 1_000,
    upTo: 100_000,
    prepare: (n) => {
      const header = `Digest ${Array.from({ length: n }, (_, index) => `p${index}="v\\"${index}"`).join(', ')}`;
      return () => parseDigestCredentials(header);
    },
  },
  {
    name: 'SOAP codec: n Definitions (within the element limit)',
    from: 50,
    // Two elements a Definition (it and its ID) plus four: 4n stays under the 10,000-element limit up to
    // n = 1,249. Past it the document is refused at the limit after two bounded passes (the plain reader
    // declines, saxes reports), which is a different path, not growth.
    upTo: 1_200,
    prepare: (n) => {
      const body = SOAP_ENVELOPE('<Definition><ID>29605</ID></Definition>'.repeat(n));
      return () => sfmcSoapCodec.decode(body);
    },
  },
  {
    name: 'Momentum mid list: n overlapping ranges',
    from: 1_000,
    upTo: 150_000,
    prepare: (n) => {
      const value = Array.from({ length: n }, () => '1-1000').join(',');
      return () => parseMailingIds(value);
    },
  },
  {
    name: 'engine: Omeda request with a form body of one name repeated n times',
    from: 1_000,
    upTo: 60_000,
    prepare: async (n) => {
      const mock = await omedaEngine();
      const body = 'a=1&'.repeat(n);
      return () => mock.handle(formRequest(body)).then((response) => response.text());
    },
  },
  {
    name: 'store: setState of n records',
    from: 500,
    upTo: 40_000,
    prepare: async (n) => {
      const [mock, records] = [await omedaEngine(), await deployments(n)];
      return () => mock.setState({ omeda: { deployments: records } });
    },
  },
  {
    name: 'store: reset of a store holding n records',
    from: 500,
    upTo: 40_000,
    prepare: async (n) => {
      const [mock, records] = [await omedaEngine(), await deployments(n)];
      return { before: () => mock.setState({ omeda: { deployments: records } }), run: () => mock.reset() };
    },
  },
  {
    name: 'store: getState of n records',
    from: 500,
    upTo: 40_000,
    prepare: async (n) => {
      const mock = await omedaEngine();
      await mock.setState({ omeda: { deployments: await deployments(n) } });
      return () => mock.getState();
    },
  },
  {
    // 2,000 updates of the last records (the worst place for a linear search), each a real change.
    name: 'store: 2,000 updates in a collection of n records (must not grow with n)',
    from: 12_500,
    upTo: 50_000,
    maxRatio: 2,
    prepare: async (n) => {
      const collection = new IndexedCollection({ schema: passThrough }, (record: Renamable) => record.id);
      for (let index = 0; index < n; index += 1) await collection.create({ id: `R${index}`, name: 'record' });
      const last = collection.all().slice(-2_000);
      let round = 0;
      return async () => {
        round += 1;
        for (const record of last) {
          await collection.update(record, {
            data(draft) {
              draft.name = `renamed ${round}`;
            },
          });
        }
      };
    },
  },
  {
    name: 'journal: record and read n entries',
    from: 1_000,
    upTo: MAX_JOURNAL_CAPACITY / 4,
    prepare: (n) => () => {
      const journal = createRequestJournal(MAX_JOURNAL_CAPACITY);
      for (let index = 0; index < n; index += 1) journal.record(journalEntry(index));
      return journal.entries().length;
    },
  },
  {
    name: 'journal: clear after n entries',
    from: 1_000,
    upTo: MAX_JOURNAL_CAPACITY / 4,
    prepare: (n) => {
      const journal = createRequestJournal(MAX_JOURNAL_CAPACITY);
      return {
        before: () => {
          for (let index = 0; index < n; index += 1) journal.record(journalEntry(index));
        },
        run: () => journal.clear(),
      };
    },
  },
  {
    name: 'journal: GET /__admin/requests body of n entries, streamed',
    from: 500,
    upTo: MAX_JOURNAL_CAPACITY / 4,
    prepare: (n) => {
      const journal = createRequestJournal(MAX_JOURNAL_CAPACITY);
      for (let index = 0; index < n; index += 1) journal.record(journalEntry(index, 'UserId=omailAccount1'));
      return () => (toJournalResponse(journal, new URLSearchParams()) as Response).text();
    },
  },
];
