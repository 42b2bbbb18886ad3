import { createHmac } from 'node:crypto';

// Token minting as the SDKs do it (docs/reference/hub-wire-contract.md#sas-tokens); used by tests
// and tools that talk to the emulator raw.
export function signSas(
  resource: string,
  policyName: string,
  key: string,
  expirySeconds: number,
): string {
  const sr = encodeURIComponent(resource);
  const sig = createHmac('sha256', Buffer.from(key, 'base64'))
    .update(`${sr}\n${expirySeconds}`, 'utf8')
    .digest('base64');
  return `SharedAccessSignature sr=${sr}&sig=${encodeURIComponent(sig)}&se=${expirySeconds}&skn=${encodeURIComponent(policyName)}`;
}
