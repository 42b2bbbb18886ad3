import { reason } from './check-token-validation';
import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok, skipped } from './setup-check-deps';

// The browser uploads straight to storage, so the account's Blob service must answer the SPA
// origin's CORS preflight for a PUT carrying the SDK's `x-ms-*` headers. The preflight is sent
// exactly as a browser would, anonymously, and a refusal prints the rule to add.

const UPLOAD_HEADERS = 'content-type,x-ms-blob-type,x-ms-client-request-id,x-ms-version';

export async function checkStorageCors(
  deps: Pick<SetupCheckDeps, 'storage' | 'fetch' | 'appOrigins'>,
  probeContainer: string,
): Promise<CheckOutcome> {
  if (deps.appOrigins.length === 0)
    return skipped(
      "The console's public origin is not known here; open the setup check page to test CORS.",
    );
  const url = `${deps.storage.blobEndpoint.replace(/\/+$/, '')}/${probeContainer}/devices.txt`;
  const refused: string[] = [];
  for (const origin of deps.appOrigins) {
    try {
      const response = await deps.fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': UPLOAD_HEADERS,
        },
      });
      await response.text();
      const allowed = response.headers.get('access-control-allow-origin');
      if (response.status >= 300 || (allowed !== origin && allowed !== '*')) refused.push(origin);
    } catch (error) {
      return {
        status: 'problem',
        code: 'STORAGE_UNREACHABLE',
        summary: `The CORS preflight to storage failed: ${reason(error)}.`,
        fix: 'See the storage reachability check.',
      };
    }
  }
  if (refused.length === 0)
    return ok(`Storage allows browser uploads from ${deps.appOrigins.join(', ')}.`);
  const origins = refused.join(',');
  const rule = `allowed origins ${origins}; allowed methods GET, PUT, HEAD, OPTIONS; allowed headers *; exposed headers *; max age 600`;
  return {
    status: 'problem',
    code: 'CORS_RULE_MISSING',
    summary: `Storage refuses the browser's upload preflight from ${refused.join(', ')}: uploads would fail with a CORS error.`,
    fix: `Add a CORS rule to the Blob service of ${deps.storage.accountName} (portal: the storage account, Settings, Resource sharing (CORS), Blob service; or the infra code's corsOrigins): ${rule}.`,
    details: { rule },
  };
}
