import { describe, it } from 'vitest';
import { HUB_CONFORMANCE_CASES } from '../support/hub-conformance-cases';

// The emulator's conformance cases against a real hub (`npm run test:live`), read-only.
const connectionString = process.env.IOT_HUB_CONNECTION_STRING;

describe.skipIf(!connectionString)('hub conformance: a real hub', () => {
  for (const conformance of HUB_CONFORMANCE_CASES)
    it(conformance.name, () => conformance.run({ connectionString: connectionString ?? '' }));
});
