import { Agent, fetch as undiciFetch } from 'undici';

// fetch that trusts the stack's local CA, for talking to the HTTPS authority from tests without
// NODE_EXTRA_CA_CERTS.
export function trustingFetch(caCertPem: string): { fetch: typeof fetch; close(): Promise<void> } {
  const dispatcher = new Agent({ connect: { ca: caCertPem } });
  const bound = ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as typeof fetch;
  return { fetch: bound, close: () => dispatcher.close() };
}
