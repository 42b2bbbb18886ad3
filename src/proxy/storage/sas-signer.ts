import {
  BlobServiceClient,
  SASProtocol,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  newPipeline,
  type BlobSASSignatureValues,
  type RequestPolicyFactory,
  type StorageRetryOptions,
  type UserDelegationKey,
} from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';

// How the proxy authenticates to storage and signs SAS, chosen by configuration:
// - shared key (Azurite locally; a production account that allows key access), or
// - an Entra token credential (e.g. @azure/identity's DefaultAzureCredential with a managed identity),
//   which signs *user-delegation* SAS. No account key then exists anywhere in the deployment.

/** Any @azure/identity credential (DefaultAzureCredential in Azure, a local one in tests). */
export type TokenCredentialLike = TokenCredential;

export type StorageAuth =
  | { kind: 'sharedKey'; accountKey: string }
  | { kind: 'tokenCredential'; credential: TokenCredentialLike };

export interface SasSigner {
  serviceClient: BlobServiceClient;
  /** Returns the SAS query string (no leading `?`). */
  sign(values: Omit<BlobSASSignatureValues, 'protocol'>): Promise<string>;
}

/** Retries and extra policies of the blob client (server.ts: the proxy's storage deadlines). */
export interface BlobTransport {
  retryOptions: StorageRetryOptions;
  policies: RequestPolicyFactory[];
}

export function createSasSigner(
  accountName: string,
  blobEndpoint: string,
  auth: StorageAuth,
  now: () => Date,
  transport?: BlobTransport,
): SasSigner {
  const clientFor = (credential: StorageSharedKeyCredential | TokenCredentialLike) => {
    if (!transport) return new BlobServiceClient(blobEndpoint, credential);
    const pipeline = newPipeline(credential, { retryOptions: transport.retryOptions });
    pipeline.factories.push(...transport.policies);
    return new BlobServiceClient(blobEndpoint, pipeline);
  };
  // SAS over plain HTTP would put a bearer credential on the wire in clear; only Azurite (http)
  // gets it.
  const protocol = blobEndpoint.startsWith('https:') ? SASProtocol.Https : SASProtocol.HttpsAndHttp;
  if (auth.kind === 'sharedKey') {
    const credential = new StorageSharedKeyCredential(accountName, auth.accountKey);
    const serviceClient = clientFor(credential);
    return {
      serviceClient,
      sign: async (values) =>
        generateBlobSASQueryParameters({ ...values, protocol }, credential).toString(),
    };
  }

  const serviceClient = clientFor(auth.credential);
  let cached: { key: UserDelegationKey; validUntil: number } | undefined;
  const delegationKey = async (expiresOn: Date): Promise<UserDelegationKey> => {
    // One delegation key per ~25 h window covers every SAS we mint (the longest lives 24 h);
    // the service caps delegation keys at 7 days.
    if (!cached || cached.validUntil < expiresOn.getTime()) {
      const start = new Date(now().getTime() - 5 * 60_000);
      const end = new Date(now().getTime() + 25 * 3600_000);
      cached = {
        key: await serviceClient.getUserDelegationKey(start, end),
        validUntil: end.getTime(),
      };
    }
    return cached.key;
  };
  return {
    serviceClient,
    async sign(values) {
      const key = await delegationKey(values.expiresOn ?? now());
      return generateBlobSASQueryParameters({ ...values, protocol }, key, accountName).toString();
    },
  };
}
