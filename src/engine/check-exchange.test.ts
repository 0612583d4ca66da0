import { describe, expect, it } from 'vitest';
import { selectModules } from '../vendors.ts';
import { createEngine } from './create-engine.ts';

const engine = createEngine({ modules: selectModules(['omeda', 'momentum']) });
const CANCEL = 'https://anywhere.example/webservices/rest/brand/FOO/omail/deployment/cancel/*';
const APP = { 'x-omeda-appid': 'my-app', 'content-type': 'application/json' };
const GUID = '5fe556c4-4bdf-4274-846b-4ac6fef8b8e4';

describe('checkRequest and checkResponse', () => {
  it.each([
    ['a documented request', 'POST', APP, '{"UserId":"u","TrackId":"FOO1"}', []],
    [
      'a missing header',
      'POST',
      { 'content-type': 'application/json' },
      '{"UserId":"u","TrackId":"FOO1"}',
      ['header /x-omeda-appid required'],
    ],
    ['a missing body member', 'POST', APP, '{"UserId":"u"}', ['body /TrackId required']],
    ['malformed JSON', 'POST', APP, '{', ['body / parse']],
  ])('matches the operation by path on any origin and reports %s', (_name, method, headers, body, expected) => {
    const check = engine.checkRequest({ method, url: CANCEL, headers, body });
    expect(check.operationId).toBe('cancelDeployment');
    expect(check.issues.map((issue) => `${issue.location} ${issue.pointer} ${issue.keyword}`)).toEqual(expected);
  });

  it('reports an unknown endpoint under a vendor prefix with the vendor and no operation', () => {
    const check = engine.checkRequest({ method: 'POST', url: 'http://x/webservices/rest/nothing', headers: {}, body: '' });
    expect(check).toMatchObject({ vendor: 'omeda', operationId: null, issues: [{ keyword: 'unknown-route' }] });
  });

  it('never touches the store: checking a documented cancel leaves the deployment scheduled', async () => {
    engine.checkRequest({ method: 'POST', url: CANCEL, headers: APP, body: '{"UserId":"omailAccount1","TrackId":"FOO0102003002"}' });
    const state = (await engine.getState()) as { omeda: { deployments: Array<{ TrackId: string; Status: string }> } };
    expect(state.omeda.deployments.find((d) => d.TrackId === 'FOO0102003002')?.Status).toBe('Scheduled');
  });

  it.each([
    ['a documented 400', 400, { 'content-type': 'application/json' }, JSON.stringify({ Errors: [{ Error: 'x' }], SubmissionId: GUID }), []],
    [
      'a Content-Type with parameters',
      400,
      { 'Content-Type': 'application/json; charset=utf-8' },
      JSON.stringify({ Errors: [{ Error: 'x' }], SubmissionId: GUID }),
      [],
    ],
    ['an undocumented status', 418, {}, '', ['status / status']],
    [
      'a body that breaks the schema',
      400,
      { 'content-type': 'application/json' },
      '{"SubmissionId":1}',
      ['response-body /Errors required', 'response-body /SubmissionId type'],
    ],
    ['a body that is not JSON', 400, { 'content-type': 'application/json' }, '<html>', ['response-body / parse']],
  ])('checks %s of an answer', (_name, status, headers, body, expected) => {
    const issues = engine.checkResponse('omeda', 'cancelDeployment', { status, headers, body });
    expect(issues.map((issue) => `${issue.location} ${issue.pointer} ${issue.keyword}`)).toEqual(expected);
  });

  it('checks status and headers but not the body of a format the vendor codec only writes (Momentum CSV)', () => {
    const issues = engine.checkResponse('momentum', 'cancelMailing', { status: 200, headers: { 'content-type': 'text/csv' }, body: '0' });
    expect(issues).toEqual([]);
  });
});
