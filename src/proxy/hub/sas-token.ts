import { createHmac } from 'node:crypto';
import type { HubCredentials } from './connection-string';

// Service SAS token for the hub (docs/reference/hub-wire-contract.md#sas-tokens): resource = host
// name, string-to-sign `sr + "\n" + se`, HMAC-SHA256 with the base64-decoded policy key.

export function signHubSasToken(credentials: HubCredentials, expiresAtSeconds: number): string {
  const sr = encodeURIComponent(credentials.hostName);
  const se = String(expiresAtSeconds);
  const signature = createHmac('sha256', Buffer.from(credentials.key, 'base64'))
    .update(`${sr}\n${se}`, 'utf8')
    .digest('base64');
  return `SharedAccessSignature sr=${sr}&sig=${encodeURIComponent(signature)}&se=${se}&skn=${encodeURIComponent(credentials.keyName)}`;
}

export interface SasTokenCacheOptions {
  now: () => Date;
  /** Token lifetime; the SDKs use one hour (Node re-signs with anHourFromNow). */
  lifetimeSeconds?: number;
  /**
   * Renew this long before expiry so a slow request never carries a token that expires in flight.
   */
  renewBeforeSeconds?: number;
}

/**
 * Returns the cached token until it is within `renewBeforeSeconds` of expiry, then signs a new one.
 */
export function createSasTokenCache(
  credentials: HubCredentials,
  options: SasTokenCacheOptions,
): () => string {
  const lifetime = options.lifetimeSeconds ?? 3600;
  const renewBefore = options.renewBeforeSeconds ?? 300;
  let cached: { token: string; expiresAt: number } | undefined;
  return () => {
    const nowSeconds = Math.floor(options.now().getTime() / 1000);
    if (!cached || cached.expiresAt - renewBefore <= nowSeconds) {
      const expiresAt = nowSeconds + lifetime;
      cached = { token: signHubSasToken(credentials, expiresAt), expiresAt };
    }
    return cached.token;
  };
}
