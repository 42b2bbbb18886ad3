import { Agent } from 'node:https';
import {
  AnonymousCredential,
  ContainerClient,
  StorageSharedKeyCredential,
  newPipeline,
  type RequestPolicyFactory,
  type WebResource,
} from '@azure/storage-blob';
import type { TokenCredential } from '@azure/identity';
import { hubError } from '../http/hub-error';
import type { JobRequest } from './job-record';

// Storage is reached through the SAS URIs a key-based job carries, or with the hub's own identity
// for an identity-based job (docs/reference/hub-wire-contract.md#create-a-job, #job-fields). Few
// retries: a wrong URI should fail the create call quickly, not after the SDK's long back-off.
export const DEFAULT_BLOB_NAME = 'devices.txt';
export const IMPORT_ERRORS_BLOB = 'importErrors.log';
export const CONFIGURATIONS_BLOB = 'configurations.txt';
export const CONFIGURATION_ERRORS_BLOB = 'importConfigErrors.log';

/** Any @azure/identity credential: the emulated hub's managed identity. */
export type TokenCredentialLike = TokenCredential;

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

/**
 * `storageCaPem`: the CA of a storage endpoint with a private certificate (Azurite on HTTPS in the
 * dev stack's identity mode, docs/hub-emulator.md), trusted for these calls only.
 */
export function containerOpener(
  identities: StorageIdentities | undefined,
  storageCaPem?: string,
): OpenContainer {
  const trust = storageCaPem ? trustPolicy(storageCaPem) : undefined;
  const clientOf = (
    uri: string,
    credential: AnonymousCredential | StorageSharedKeyCredential | TokenCredential,
  ): ContainerClient => {
    if (!trust) return new ContainerClient(uri, credential, RETRIES);
    const pipeline = newPipeline(credential, RETRIES);
    pipeline.factories.push(trust);
    return new ContainerClient(uri, pipeline);
  };
  return (uri, request) => {
    const url = parseContainerUri(uri);
    if (request.storageAuthenticationType !== 'identityBased')
      return clientOf(uri, new AnonymousCredential());
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
    return clientOf(url.toString(), client);
  };
}

function trustPolicy(caPem: string): RequestPolicyFactory {
  const agent = new Agent({ ca: caPem, keepAlive: true });
  return {
    create: (next) => ({
      sendRequest: (request: WebResource) => {
        if (request.url.startsWith('https:')) request.agent = agent;
        return next.sendRequest(request);
      },
    }),
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
