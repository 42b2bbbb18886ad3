import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /**
   * Origins the SPA may connect to besides itself: the blob endpoint (uploads) and the authority
   * (MSAL).
   */
  storageOrigin: string;
  authorityOrigin: string;
}

export type SecurityHeadersFor = (urlPath: string) => Record<string, string>;

// Set on every response, API and static alike. MUI's emotion injects <style> elements at runtime,
// hence 'unsafe-inline' for styles only; scripts are 'self' only, and 'wasm-unsafe-eval' lets the
// conversion worker compile its WebAssembly SHA-256 (src/web/workers/conversion/stream-hasher.ts;
// it allows WebAssembly compilation, not eval of JavaScript). MSAL's silent renewal may frame the
// authority, so it is the one allowed frame source; nothing may frame us.
export function securityHeaders(options: SecurityHeaderOptions): SecurityHeadersFor {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${options.storageOrigin} ${options.authorityOrigin}`,
    `frame-src ${options.authorityOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return (urlPath) => ({
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    ...(urlPath.startsWith('/api/') ? { 'cache-control': 'no-store' } : {}),
  });
}

export function installSecurityHeaders(app: FastifyInstance, headersFor: SecurityHeadersFor): void {
  app.addHook('onSend', async (request, reply) => {
    reply.headers(headersFor(request.url));
  });
}
