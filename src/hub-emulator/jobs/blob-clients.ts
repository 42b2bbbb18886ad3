import {
  AnonymousCredential,
  ContainerClient,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { hubError } from '../http/hub-error';
import type { JobRequest } from './job-record';

// Storage is reached through the SAS URIs a key-based job carries, or with the hub's own identity
// for an identity-based job (docs/reference/hub-wire-contract.md#create-a-job, #job-fields). Few
// retries: a wrong URI should fail the create call quickly, not after the SDK's long back-off.
export const DEFAULT_BLOB_NAME = 'devices.txt';
export const IMPORT_ERRORS_BLOB = 'importErrors.log';
export const CONFIGURATIONS_BLOB = 'configurations.txt';
export const CONFIGURATION_ERRORS_BLOB = 'importConfigErrors.log';

/** Structural type of @azure/identity credentials; the emulator does not need that package. */
export type TokenCredentialLike = Extract<
  ConstructorParameters<typeof ContainerClient>[1],
  { getToken: unknown }
>;

/** The credential one managed identity of the emulated hub reaches storage with. */
export type StorageIdentityCredential =
  { accountName: string; accountKey: string } | TokenCredentialLike;

export interface StorageIdentities {
  /** The hub's system-assigned identity. */
  systemAssigned?: StorageIdentityCredential;
  /** User-assigned identities, by the ARM resource id a job names. */
  userAssigned?: Record<string, StorageIdentityCredential>;
}

export type OpenContainer = (uri: string, request: JobRequest) => ContainerClient;

export function containerOpener(identities: StorageIdentities | undefined): OpenContainer {
  return (uri, request) => {
    const url = parseContainerUri(uri);
    if (request.storageAuthenticationType !== 'identityBased')
      return new ContainerClient(uri, new AnonymousCredential(), RETRIES);
    const named = request.identity?.userAssignedIdentity;
    const credential = named ? identities?.userAssigned?.[named] : identities?.systemAssigned;
    if (!credential)
      throw hubError(
        'BlobContainerValidationError',
        named
          ? `The user-assigned identity '${named}' is not assigned to this IoT hub.`
          : 'This IoT hub has no system-assigned managed identity for identityBased storage authentication.',
      );
    // The identity is the credential: any SAS left on the URI is not used.
    url.search = '';
    const client =
      'accountKey' in credential
        ? new StorageSharedKeyCredential(credential.accountName, credential.accountKey)
        : credential;
    return new ContainerClient(url.toString(), client, RETRIES);
  };
}

const RETRIES = { retryOptions: { maxTries: 3, tryTimeoutInMs: 60_000, retryDelayInMs: 200 } };

function parseContainerUri(uri: string): URL {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw hubError(
      'BlobContainerValidationError',
      'The blob container URI is not a valid absolute URI.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw hubError(
      'BlobContainerValidationError',
      'The blob container URI must use https or http.',
    );
  return url;
}
