import { Agent } from 'undici';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HUB_CONFORMANCE_CASES, type HubTarget } from '../../support/hub-conformance-cases';
import { startTestHub, testTls, type TestHub } from './hub-fixture';

// The conformance cases against the emulator; `npm run test:live` runs the same cases against a
// real hub (tests/live/hub-conformance.test.ts).
let hub: TestHub;
let target: HubTarget;

beforeAll(async () => {
  hub = await startTestHub();
  target = {
    connectionString: hub.connectionString,
    dispatcher: new Agent({ connect: { ca: (await testTls()).caCertPem } }),
  };
});

afterAll(async () => {
  await target?.dispatcher?.close();
  await hub?.dispose();
});

describe('hub conformance: the emulator', () => {
  for (const conformance of HUB_CONFORMANCE_CASES)
    it(conformance.name, () => conformance.run(target));
});
