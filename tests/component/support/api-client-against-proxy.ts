import { inject } from 'vitest';
import { configureApiClient } from '../../../src/web/lib/api-client';

// The SPA's own API client pointed at the proxy the project started
// (support/proxy-stack-setup.ts): real fetch, real tokens, real answers. Only the origin is
// added, which the browser adds for a relative URL.

export function useProxyAs(role: 'admin' | 'no-role'): void {
  const token = inject(role === 'admin' ? 'adminToken' : 'noRoleToken');
  const origin = inject('proxyUrl');
  configureApiClient({
    getAccessToken: () => Promise.resolve(token),
    fetch: (input, init) => globalThis.fetch(`${origin}${String(input)}`, init),
  });
}
