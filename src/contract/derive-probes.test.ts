import { expect, it } from 'vitest';
import { loadSpec } from '../spec/load-specs.ts';
import { VENDOR_MODULES } from '../vendors.ts';
import { deriveProbes } from './derive-probes.ts';

const omeda = (overrides = {}) => deriveProbes(loadSpec('omeda'), [], overrides);

it('derives the example, the documented-error probes and the unknown ids of Omeda, read-only ones first', () => {
  expect(omeda().map((probe) => `${probe.operationId} ${probe.method} ${probe.name}${probe.mutating ? ' *' : ''}`)).toEqual([
    'cancelDeployment POST missing body field UserId',
    'cancelDeployment POST missing body field TrackId',
    'cancelDeployment POST missing body',
    'cancelDeployment POST malformed body',
    'cancelDeployment POST missing header x-omeda-appid',
    'rejectCancelMethod GET wrong method GET',
    'lookupDeployment GET example',
    'lookupDeployment GET missing header x-omeda-appid',
    'lookupDeployment GET unknown trackId FOO9999999999',
    "cancelDeployment POST example 'document' (application/json) *",
    'cancelDeployment POST unknown UserId omailAccount9, TrackId FOO9999999999 in body *',
  ]);
});

it('fills path and header parameters from the spec examples', () => {
  const lookup = omeda().find((probe) => probe.name === 'lookupDeployment' || probe.operationId === 'lookupDeployment');
  expect(lookup).toMatchObject({
    path: '/webservices/rest/brand/example/omail/deployment/lookup/FOO0102003002/*',
    headers: { 'x-omeda-appid': 'my-app' },
  });
});

it('sends the headers and parameters a user passes and never drops a passed header', () => {
  const probes = omeda({ headers: { 'x-omeda-appid': 'real' }, parameters: { brandAbbreviation: 'ABC' } });
  expect(probes.every((probe) => probe.headers['x-omeda-appid'] === 'real')).toBe(true);
  expect(probes.every((probe) => probe.path.startsWith('/webservices/rest/brand/ABC/'))).toBe(true);
});

it('adds default credentials for the security scheme (Momentum HTTP Basic) and a probe without them', () => {
  const probes = deriveProbes(loadSpec('momentum'), VENDOR_MODULES.momentum?.codecs ?? []);
  const example = probes.find((probe) => probe.name.startsWith("example 'parameters'"));
  expect(example?.headers.authorization).toBe(`Basic ${Buffer.from('esp-cancel-mock:esp-cancel-mock').toString('base64')}`);
  expect(probes.find((probe) => probe.name === 'no credentials')?.headers.authorization).toBeUndefined();
});

it('states the outcome each probe expects: examples a success, invalid requests a rejection, unknown ids any documented answer', () => {
  const expected = Object.fromEntries(omeda().map((probe) => [`${probe.operationId} ${probe.name}`, probe.expect]));
  expect(expected).toMatchObject({
    "cancelDeployment example 'document' (application/json)": 'success',
    'lookupDeployment example': 'success',
    'cancelDeployment missing body field UserId': 'rejection',
    'cancelDeployment malformed body': 'rejection',
    'cancelDeployment missing header x-omeda-appid': 'rejection',
    'rejectCancelMethod wrong method GET': 'rejection',
    'lookupDeployment unknown trackId FOO9999999999': 'documented',
  });
});

it('names the credential headers of an operation, and expects any documented answer from an example marked x-probe-expect', () => {
  expect(omeda().find((probe) => probe.name.startsWith('example'))?.credentials).toEqual(['x-omeda-appid']);
  const sfmc = deriveProbes(loadSpec('sfmc'), VENDOR_MODULES.sfmc?.codecs ?? []);
  expect(sfmc.find((probe) => probe.name === "example 'sfmcSdk' (text/xml)")?.expect).toBe('documented');
  expect(sfmc.find((probe) => probe.name === "example 'document' (text/xml)")?.expect).toBe('success');
});
