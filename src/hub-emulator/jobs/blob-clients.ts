import { AnonymousCredential, ContainerClient } from '@azure/storage-blob';
import { hubError } from '../http/hub-error';

// Storage is reached only through the SAS URIs a job carries, as the hub does (sec. 2.1). Few
// retries: a wrong URI should fail the create call quickly, not after the SDK's long back-off.
export const DEFAULT_BLOB_NAME = 'devices.txt';
export const IMPORT_ERRORS_BLOB = 'importErrors.log';
export const CONFIGURATIONS_BLOB = 'configurations.txt';
export const CONFIGURATION_ERRORS_BLOB = 'importConfigErrors.log';

export function containerFromSasUri(uri: string): ContainerClient {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw hubError(
      'BlobContainerValidationError',
      'The blob container URI is not a valid absolute URI.',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw hubError(
      'BlobContainerValidationError',
      'The blob container URI must use https or http.',
    );
  }
  return new ContainerClient(uri, new AnonymousCredential(), {
    retryOptions: { maxTries: 3, tryTimeoutInMs: 60_000, retryDelayInMs: 200 },
  });
}
