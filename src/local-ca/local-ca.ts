import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import path from 'node:path';
// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API at
// import time.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { loopbackNameConstraints, NAME_CONSTRAINTS_OID } from './loopback-name-constraints';

// A local certificate authority and one `localhost` server certificate, made on first use and kept
// in a folder. MSAL refuses http:// authorities and the azure-iothub SDK only speaks HTTPS, so the
// local stack needs TLS that a browser and Node can be told to trust (docs/local-tls.md).

export interface LocalTls {
  caCertPath: string;
  caCertPem: string;
  certPem: string;
  keyPem: string;
  /** The server certificate and key as files, for servers that read paths (Azurite's --cert). */
  certPath: string;
  keyPath: string;
}

const SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
// Browsers cap server certificate lifetimes at 398 days; stay under it and renew a month ahead.
const LEAF_LIFETIME_DAYS = 390;
// A CA that lives for years is a CA someone forgets they trust; two years, then a fresh one.
export const CA_LIFETIME_DAYS = 730;
const RENEW_WITHIN_DAYS = 30;

const FILES = {
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
  cert: 'localhost.pem',
  key: 'localhost-key.pem',
} as const;

// x509 types its provider with the DOM's Crypto, which Node programs do not declare; the type of
// the parameter itself fits both the Node project and the tests' DOM project.
type ProviderCrypto = Parameters<x509.CryptoProvider['set']>[1];
x509.cryptoProvider.set(webcrypto as unknown as ProviderCrypto);

export async function ensureLocalTls(dir: string, now: Date = new Date()): Promise<LocalTls> {
  await mkdir(dir, { recursive: true });
  const file = (name: keyof typeof FILES): string => path.join(dir, FILES[name]);

  let ca = await readPair(file('caCert'), file('caKey'));
  if (!ca || !caIsUsable(ca.certPem, now)) {
    ca = await createCa(now);
    await writeFile(file('caCert'), ca.certPem);
    await writeFile(file('caKey'), ca.keyPem, { mode: 0o600 });
  }

  let leaf = await readPair(file('cert'), file('key'));
  if (!leaf || !(await leafIsUsable(leaf.certPem, ca.certPem, now))) {
    leaf = await createLeaf(ca, now);
    await writeFile(file('cert'), leaf.certPem);
    await writeFile(file('key'), leaf.keyPem, { mode: 0o600 });
  }

  return {
    caCertPath: file('caCert'),
    caCertPem: ca.certPem,
    certPem: leaf.certPem,
    keyPem: leaf.keyPem,
    certPath: file('cert'),
    keyPath: file('key'),
  };
}

interface PemPair {
  certPem: string;
  keyPem: string;
}

async function readPair(certPath: string, keyPath: string): Promise<PemPair | undefined> {
  try {
    return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
  } catch {
    return undefined;
  }
}

// A CA made before the name constraints and the two-year life existed is replaced, not kept: the
// user trusts the new ca.pem once more (docs/local-tls.md).
function caIsUsable(certPem: string, now: Date): boolean {
  const ca = new x509.X509Certificate(certPem);
  const lifetimeMs = ca.notAfter.getTime() - ca.notBefore.getTime();
  const constraints = ca.getExtension(NAME_CONSTRAINTS_OID);
  return (
    ca.notAfter.getTime() > now.getTime() + RENEW_WITHIN_DAYS * DAY_MS &&
    lifetimeMs <= (CA_LIFETIME_DAYS + 1) * DAY_MS &&
    constraints !== null &&
    constraints.critical &&
    Buffer.from(constraints.value).equals(Buffer.from(loopbackNameConstraints().value))
  );
}

async function leafIsUsable(certPem: string, caPem: string, now: Date): Promise<boolean> {
  const leaf = new x509.X509Certificate(certPem);
  const ca = new x509.X509Certificate(caPem);
  const fresh = leaf.notAfter.getTime() > now.getTime() + RENEW_WITHIN_DAYS * DAY_MS;
  return (
    fresh &&
    leaf.issuer === ca.subject &&
    (await leaf.verify({ publicKey: ca.publicKey, signatureOnly: true }))
  );
}

async function createCa(now: Date): Promise<PemPair> {
  const keys = await webcrypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=IoT Bulk Console local CA ${now.toISOString().slice(0, 10)}`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_LIFETIME_DAYS * DAY_MS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      loopbackNameConstraints(),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

async function createLeaf(ca: PemPair, now: Date): Promise<PemPair> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKeyPem(ca.keyPem);
  const keys = await webcrypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: 'CN=localhost',
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    // Never past the CA's own end: a chain is only as valid as its shortest link.
    notAfter: new Date(
      Math.min(now.getTime() + LEAF_LIFETIME_DAYS * DAY_MS, caCert.notAfter.getTime()),
    ),
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportKeyPem(keys.privateKey) };
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // a positive DER integer
  return Buffer.from(bytes).toString('hex');
}

async function exportKeyPem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importKeyPem(pem: string): Promise<webcrypto.CryptoKey> {
  const body = pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  return webcrypto.subtle.importKey('pkcs8', Buffer.from(body, 'base64'), SIGNING, true, ['sign']);
}
