import { afterEach, describe, expect, it } from 'vitest';
import { childEnvironment, keepStartCostVariables, withheldVariables } from '../bench/pinned-process.ts';

const original = process.env.NODE_EXTRA_CA_CERTS;
afterEach(() => {
  if (original === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
  else process.env.NODE_EXTRA_CA_CERTS = original;
});

// One file, one module instance: the `--keep-ca-certs` case comes last because it cannot be undone.
describe('the environment of the processes the bench starts', () => {
  it('leaves out NODE_EXTRA_CA_CERTS and keeps everything else, the extra variables included', () => {
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
    const env = childEnvironment({ BASELINE: '{}' });
    expect(env).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
    expect(env.BASELINE).toBe('{}');
    expect(env.PATH).toBe(process.env.PATH);
    expect(withheldVariables()).toEqual(['NODE_EXTRA_CA_CERTS']);
    // This process keeps it: only the children go without.
    expect(process.env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });

  it('reports nothing withheld where the variable is not set', () => {
    delete process.env.NODE_EXTRA_CA_CERTS;
    expect(withheldVariables()).toEqual([]);
    expect(childEnvironment()).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
  });

  it('passes the variable on after --keep-ca-certs', () => {
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
    keepStartCostVariables();
    expect(withheldVariables()).toEqual([]);
    expect(childEnvironment().NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });
});
