import type { FastifyInstance } from 'fastify';

export interface SecurityHeaderOptions {
  /**
   * Origins the SPA may connect to besides itself: the blob endpoint (uploads) and the authority
   * (MSAL).
   */
  storageOrigin: string;
  authorityOrigin: string;
}

// Set on every response, API and static alike. MUI's emotion injects <style> elements at runtime,
// hence 'unsafe-inline' for styles only; scripts are 'self' only. MSAL's silent renewal may frame
// the authority, so it is the one allowed frame source; nothing may frame us.
export function installSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
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
  app.addHook('onSend', async (request, reply) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-resource-policy', 'same-origin');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
