import * as x509 from '@peculiar/x509';

// The local CA's key sits in a checkout folder; if it ever leaks, a name-constrained CA can still
// only vouch for this machine's loopback names, never for a real site (docs/local-tls.md).
// RFC 5280 section 4.2.1.10: NameConstraints ::= SEQUENCE { permittedSubtrees [0] GeneralSubtrees },
// each GeneralSubtree a SEQUENCE holding one GeneralName: dNSName [2] or iPAddress [7] (address
// followed by mask). Encoded by hand because @peculiar/x509 has no builder for this extension.

export const NAME_CONSTRAINTS_OID = '2.5.29.30';

export const PERMITTED_DNS_NAMES = ['localhost'] as const;

const HOST_MASK_V4 = [255, 255, 255, 255];
const HOST_MASK_V6 = new Array<number>(16).fill(255);
const LOOPBACK_V4 = [127, 0, 0, 1];
const LOOPBACK_V6 = [...new Array<number>(15).fill(0), 1];

export function loopbackNameConstraints(): x509.Extension {
  const subtrees = [
    ...PERMITTED_DNS_NAMES.map((name) => tlv(0x82, [...Buffer.from(name, 'ascii')])),
    tlv(0x87, [...LOOPBACK_V4, ...HOST_MASK_V4]),
    tlv(0x87, [...LOOPBACK_V6, ...HOST_MASK_V6]),
  ].map((generalName) => tlv(0x30, generalName));
  const value = tlv(0x30, tlv(0xa0, subtrees.flat()));
  return new x509.Extension(NAME_CONSTRAINTS_OID, true, Uint8Array.from(value));
}

// DER tag-length-value; every value here is far below 64 KiB, so short and two-byte lengths do.
function tlv(tag: number, content: number[]): number[] {
  const length = content.length;
  if (length < 0x80) return [tag, length, ...content];
  if (length < 0x100) return [tag, 0x81, length, ...content];
  return [tag, 0x82, length >> 8, length & 0xff, ...content];
}
