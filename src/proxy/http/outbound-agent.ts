import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';

// One undici Agent for every outbound HTTPS call (hub REST, the authority's JWKS). Locally the hub
// emulator and the OIDC authority present certificates from our own CA, so that CA is added to the
// public roots; in production `trustedCaPem` is omitted and only the public roots are trusted.
export interface OutboundAgentOptions {
  trustedCaPem?: string;
  connectTimeoutMs?: number;
}

export function createOutboundAgent(options: OutboundAgentOptions = {}): Agent {
  const ca = options.trustedCaPem ? [...rootCertificates, options.trustedCaPem] : undefined;
  return new Agent({
    connect: { ...(ca ? { ca } : {}), timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: 30_000,
    bodyTimeout: 60_000,
  });
}
