import { RestError, type ContainerClient } from '@azure/storage-blob';
import { reason } from './check-token-validation';
import type { CheckOutcome, SetupCheckDeps } from './setup-check-deps';
import { ok } from './setup-check-deps';

// Storage reachability and the proxy's own rights there, by creating the run's probe container
// (what every import does first). Storage names its refusal in the error code: shared key turned
// off on the account, or an identity without a data role.

export async function checkStorageAccess(
  deps: Pick<SetupCheckDeps, 'storage'>,
  probe: ContainerClient,
): Promise<CheckOutcome> {
  const { accountName, blobEndpoint, auth } = deps.storage;
  const host = new URL(blobEndpoint).host;
  try {
    await probe.create();
    return ok(
      `The proxy created a container in ${accountName} (${auth === 'entra' ? 'Entra token' : 'shared key'}).`,
      {
        blobEndpoint,
      },
    );
  } catch (error) {
    const code = error instanceof RestError ? (error.code ?? '') : '';
    const status = error instanceof RestError ? error.statusCode : undefined;
    if (!status)
      return {
        status: 'problem',
        code: 'STORAGE_UNREACHABLE',
        summary: `The storage account at ${host} did not answer: ${reason(error)}.`,
        fix: `Check STORAGE_ACCOUNT_NAME / STORAGE_BLOB_ENDPOINT and that the proxy may reach ${host} on port 443 (private endpoints, firewall).`,
        details: { blobEndpoint },
      };
    if (code === 'KeyBasedAuthenticationNotPermitted')
      return {
        status: 'problem',
        code: 'STORAGE_KEY_ACCESS_DISABLED',
        summary: `${accountName} refuses shared-key access, and the proxy uses the account key.`,
        fix: "Remove STORAGE_ACCOUNT_KEY and set STORAGE_AUTH=identity; give the proxy's identity Storage Blob Data Contributor on the account (it also signs user-delegation SAS).",
        details: { storageCode: code },
      };
    return {
      status: 'problem',
      code: 'STORAGE_ACCESS_DENIED',
      summary: `${accountName} refused the proxy (HTTP ${status}${code ? `, ${code}` : ''}).`,
      fix:
        auth === 'entra'
          ? "Assign the proxy's identity Storage Blob Data Contributor on the storage account (and Storage Table Data Contributor, Storage Queue Data Contributor); Owner gives no data access, and a new assignment can take up to 10 minutes to apply."
          : 'Check STORAGE_ACCOUNT_KEY: it must be a current key of this account.',
      details: { storageCode: code || `Http${status}`, status: String(status) },
    };
  }
}
