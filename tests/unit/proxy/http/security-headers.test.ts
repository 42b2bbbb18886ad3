import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../../src/proxy/http/security-headers';

describe('the security headers', () => {
  const csp = securityHeaders({
    storageOrigin: 'https://store.example',
    authorityOrigin: 'https://login.example',
  })('/index.html')['content-security-policy'];
  const scriptSrc = csp?.split('; ').find((directive) => directive.startsWith('script-src'));

  it('let the conversion worker compile its WebAssembly SHA-256 but never eval JavaScript', () => {
    expect(scriptSrc?.split(' ')).toEqual(['script-src', "'self'", "'wasm-unsafe-eval'"]);
  });
});
