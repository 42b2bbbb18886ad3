// Etag encodings seen on the live hub (docs/reference/hub-wire-contract.md#device-identities,
// docs/reference/hub-wire-contract.md#twins and #recorded-traffic): a device
// etag is base64 of an ASCII decimal counter, a twin etag base64 of an 8-byte big-endian counter.
export function deviceEtag(counter: number): string {
  return Buffer.from(String(counter), 'ascii').toString('base64');
}

export function twinEtag(counter: number): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(counter));
  return bytes.toString('base64');
}

/** The decimal counter inside a device etag, for the "existingVersion/newVersion" error text. */
export function etagCounterText(etag: string): string {
  const decoded = Buffer.from(etag, 'base64').toString('ascii');
  return /^\d+$/.test(decoded) ? decoded : etag;
}
