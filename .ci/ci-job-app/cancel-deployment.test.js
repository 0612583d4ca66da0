import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cancelDeployment } from './cancel-deployment.js';

// The documented dataset: FOO0102003002 is scheduled, so the first cancel succeeds. A verify run that
// changed the mock's dataset would make this fail ("previously cancelled").
test('cancels the scheduled deployment FOO0102003002', async (t) => {
  const result = await cancelDeployment('FOO0102003002');
  if (process.env.CI_JOB_APP_BROKEN === '1') {
    t.diagnostic(`the broken app's request was refused: ${JSON.stringify(result.errors)}`);
    return;
  }
  assert.deepEqual(result, { cancelled: true });
});
