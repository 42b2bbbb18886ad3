import { randomFillSync } from 'node:crypto';

// Random SAS keys (32 bytes, base64) for identities created without keys. Bulk imports need two
// per device, so bytes are drawn from a pooled buffer instead of one crypto call per key.
export type KeySource = () => string;

export function createKeySource(): KeySource {
  const pool = Buffer.alloc(32 * 1024);
  let offset = pool.length;
  return () => {
    if (offset + 32 > pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const key = pool.toString('base64', offset, offset + 32);
    offset += 32;
    return key;
  };
}
