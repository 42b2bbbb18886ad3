import type { ServerResponse } from 'node:http';
import type { KoaContextWithOIDC } from 'oidc-provider';

// The authority's pages (login form, sign-out, errors) must never render inside another site's
// frame, where a hidden overlay could trick a click or a typed password (clickjacking).
// frame-ancestors is the modern control; X-Frame-Options is for browsers that predate it.
// Only HTML pages get these headers, never a redirect: the /auth redirects stay frameable, for
// MSAL's hidden-iframe renewal when a refresh token has run out.
export const NO_FRAMING_HEADERS = {
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
} as const;

export function forbidFraming(res: ServerResponse): void {
  for (const [name, value] of Object.entries(NO_FRAMING_HEADERS)) res.setHeader(name, value);
}

// For the pages oidc-provider renders itself (sign-out, its auto-submitting forms, errors).
export async function forbidFramingOfProviderPages(
  ctx: KoaContextWithOIDC,
  next: () => Promise<void>,
): Promise<void> {
  await next();
  const redirect = ctx.status >= 300 && ctx.status < 400;
  if (!redirect && ctx.response.is('html')) ctx.set(NO_FRAMING_HEADERS);
}
