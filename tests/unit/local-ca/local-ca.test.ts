import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { webcrypto, X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CA_LIFETIME_DAYS, ensureLocalTls } from '../../../src/local-ca/local-ca';
import { NAME_CONSTRAINTS_OID } from '../../../src/local-ca/loopback-name-constraints';
import { readDer, type DerNode } from './support/read-der';

const DAY_MS = 86_400_000;
const SIGNING = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'local-ca-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function permittedNames(caPem: string): { critical: boolean; names: string[] } {
  const extension = new x509.X509Certificate(caPem).getExtension(NAME_CONSTRAINTS_OID);
  if (!extension) throw new Error('the CA has no name constraints extension');
  const constraints = readDer(Buffer.from(extension.value));
  const permitted = constraints.children.find((node) => node.tag === 0xa0);
  const names = (permitted?.children ?? []).map((subtree: DerNode) => {
    const base = subtree.children[0];
    if (base?.tag === 0x82) return `dns:${base.content.toString('ascii')}`;
    if (base?.tag === 0x87) return `ip:${base.content.toString('hex')}`;
    return `other:${base?.tag ?? 'none'}`;
  });
  expect(constraints.children.some((node) => node.tag === 0xa1)).toBe(false);
  return { critical: extension.critical, names };
}

describe('ensureLocalTls', () => {
  it('makes a CA whose critical name constraints permit only localhost, 127.0.0.1 and ::1', async () => {
    const made = await ensureLocalTls(dir);
    expect(permittedNames(made.caCertPem)).toEqual({
      critical: true,
      names: ['dns:localhost', 'ip:7f000001ffffffff', `ip:${'00'.repeat(15)}01${'ff'.repeat(16)}`],
    });
  });

  it('makes a CA that lives at most two years and a leaf that ends no later than it', async () => {
    const now = new Date('2026-12-04T12:00:00Z');
    const made = await ensureLocalTls(dir, now);
    const ca = new X509Certificate(made.caCertPem);
    const leaf = new X509Certificate(made.certPem);
    const caLife = Date.parse(ca.validTo) - Date.parse(ca.validFrom);
    expect(caLife).toBeLessThanOrEqual((2 * 365 + 1) * DAY_MS);
    expect(Date.parse(ca.validTo) - now.getTime()).toBeLessThanOrEqual(CA_LIFETIME_DAYS * DAY_MS);
    expect(Date.parse(leaf.validTo)).toBeLessThan(Date.parse(ca.validTo));
    expect(leaf.checkIssued(ca)).toBe(true);
  });

  it('replaces an existing ten-year CA without name constraints, and its leaf', async () => {
    const old = await writeUnconstrainedCa(dir);
    const made = await ensureLocalTls(dir);
    expect(made.caCertPem).not.toBe(old);
    expect(await readFile(path.join(dir, 'ca.pem'), 'utf8')).toBe(made.caCertPem);
    expect(permittedNames(made.caCertPem).critical).toBe(true);
    expect(new X509Certificate(made.certPem).checkIssued(new X509Certificate(made.caCertPem))).toBe(
      true,
    );
  });

  it('keeps a CA that already has the constraints and a short life', async () => {
    const first = await ensureLocalTls(dir);
    const second = await ensureLocalTls(dir);
    expect(second.caCertPem).toBe(first.caCertPem);
    expect(second.certPem).toBe(first.certPem);
  });

  it('is refused by a TLS client when its key signs a certificate for a name outside loopback', async () => {
    const made = await ensureLocalTls(dir);
    const rogue = await signLeaf(dir, made.caCertPem, 'example.com');
    const server = tls.createServer({ cert: rogue.certPem, key: rogue.keyPem }, (socket) =>
      socket.end(),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const error = await new Promise<Error>((resolve, reject) => {
        const socket = tls.connect({
          host: '127.0.0.1',
          port,
          servername: 'example.com',
          ca: made.caCertPem,
        });
        socket.once('secureConnect', () => reject(new Error('the rogue certificate was accepted')));
        socket.once('error', resolve);
      });
      expect(error.message).toMatch(/permitted subtree violation/i);
    } finally {
      server.close();
    }
  });
});

async function writeUnconstrainedCa(folder: string): Promise<string> {
  const keys = await webcrypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=IoT Bulk Console local CA old',
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 10 * 365 * DAY_MS),
    signingAlgorithm: SIGNING,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  const pem = cert.toString('pem');
  await writeFile(path.join(folder, 'ca.pem'), pem);
  await writeFile(path.join(folder, 'ca-key.pem'), await pkcs8Pem(keys.privateKey));
  return pem;
}

async function signLeaf(
  folder: string,
  caPem: string,
  dnsName: string,
): Promise<{ certPem: string; keyPem: string }> {
  const caKeyPem = await readFile(path.join(folder, 'ca-key.pem'), 'utf8');
  const caKeyDer = Buffer.from(caKeyPem.replace(/-----[A-Z ]+-----|\s+/g, ''), 'base64');
  const caKey = await webcrypto.subtle.importKey('pkcs8', caKeyDer, SIGNING, false, ['sign']);
  const keys = await webcrypto.subtle.generateKey(SIGNING, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `CN=${dnsName}`,
    issuer: new x509.X509Certificate(caPem).subject,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 30 * DAY_MS),
    signingAlgorithm: SIGNING,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: dnsName }])],
  });
  return { certPem: cert.toString('pem'), keyPem: await pkcs8Pem(keys.privateKey) };
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key)).toString('base64');
  return `-----BEGIN PRIVATE KEY-----\n${(der.match(/.{1,64}/g) ?? []).join('\n')}\n-----END PRIVATE KEY-----\n`;
}
