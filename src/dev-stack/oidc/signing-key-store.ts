import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, type JWK } from 'jose';

// The authority's RSA signing key lives in a file so a restart keeps the same `kid` and key pair. A
// new key under an old kid would break every verifier holding a cached JWKS with "signature
// verification failed" (docs/reference/stack-facts.md#signing-keys); a regenerated key always gets
// a new kid.

export interface SigningKey extends JWK {
  kid: string;
  kty: 'RSA';
  alg: 'RS256';
  use: 'sig';
  d: string;
}

const FILE_NAME = 'signing-key.json';

export async function loadOrCreateSigningKey(
  dir: string,
  log: (line: string) => void = () => {},
): Promise<SigningKey> {
  const file = path.join(dir, FILE_NAME);
  const stored = await readStoredKey(file);
  if (stored) return stored;

  const key = await createSigningKey();
  await mkdir(dir, { recursive: true });
  // Write then rename so an interrupted first run never leaves half a key behind.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, file);
  log(`OIDC: created signing key ${key.kid} in ${file}`);
  return key;
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  if (typeof jwk.d !== 'string') throw new Error('RSA key export produced no private part');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: jwk.n, e: jwk.e });
  return { ...jwk, kty: 'RSA', d: jwk.d, kid, alg: 'RS256', use: 'sig' };
}

async function readStoredKey(file: string): Promise<SigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (!isSigningKey(parsed)) {
    throw new Error(
      `${file} is not an RSA private JWK with a kid; delete it to let the stack make a new key`,
    );
  }
  return parsed;
}

function isSigningKey(value: unknown): value is SigningKey {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === 'RSA' &&
    jwk.alg === 'RS256' &&
    jwk.use === 'sig' &&
    ['kid', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'].every(
      (member) => typeof jwk[member] === 'string',
    )
  );
}
