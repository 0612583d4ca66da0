import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { extractCiJob } from '../scripts/extract-ci-job.ts';

const guide = readFileSync(new URL('../docs/guides/ci.md', import.meta.url), 'utf8');

it('publishes a CI job whose plain shell steps are exactly the run steps of its GitHub Actions YAML', () => {
  const job = extractCiJob(guide);
  expect(job.runSteps.length).toBeGreaterThanOrEqual(4);
  expect(job.shell).toContain('npx esp-cancel-mock verify --base-url http://127.0.0.1:4010');
  expect(job.shell).toContain('npx esp-cancel-mock validate reports/journal.json --fail-on-dropped');
  expect(job.shell).toContain('/__admin/health');
});

it('refuses a guide whose shell steps drifted from the YAML', () => {
  const drifted = guide.replace(/(<!-- ci-job:shell -->\n```sh\n[\s\S]*?)npm test\n/, '$1npm run test:unit\n');
  expect(drifted).not.toBe(guide);
  expect(() => extractCiJob(drifted)).toThrow(/the shell steps differ from the YAML's run: steps/);
});
