import { expect, test } from '@playwright/test';
import { checkWorkerEquivalence } from '../../bench/convert/check-worker-equivalence';

// The conversion runs unchanged in Node (the CLI) and in a Chromium dedicated worker (the console):
// every fixture must give byte-identical output and an identical report in both.
test('every conversion fixture gives byte-identical output in Node and in a Chromium worker', async () => {
  test.setTimeout(120_000);
  const result = await checkWorkerEquivalence();
  expect(result.skipped, 'Chromium must be installed for this check').toBeUndefined();
  expect(result.files).toBeGreaterThan(5);
  expect(result.mismatches).toEqual([]);
});
