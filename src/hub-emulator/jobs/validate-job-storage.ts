import { hubError } from '../http/hub-error';
import type { JobRequest, JobType } from './job-record';
import {
  CONFIGURATIONS_BLOB,
  DEFAULT_BLOB_NAME,
  IMPORT_ERRORS_BLOB,
  type OpenContainer,
} from './blob-clients';

// Storage problems are caught synchronously at create as 400 BlobContainerValidationError
// (docs/reference/hub-wire-contract.md#create-a-job). Writing the output blob empty proves the
// write permission and gives each import a fresh importErrors.log; a missing or empty input blob is
// refused here too (a choice, docs/hub-emulator.md).
export async function validateJobStorage(
  type: JobType,
  request: JobRequest,
  openContainer: OpenContainer,
): Promise<void> {
  if (type === 'import') {
    const inputContainer = openContainer(request.inputBlobContainerUri ?? '', request);
    const input = inputContainer.getBlobClient(request.inputBlobName ?? DEFAULT_BLOB_NAME);
    let size: number;
    try {
      size = (await input.getProperties()).contentLength ?? 0;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      throw hubError(
        'BlobContainerValidationError',
        status === 404
          ? `Input blob '${input.name}' was not found in the input blob container.`
          : 'Unauthorized to read input blob container',
      );
    }
    if (size === 0)
      throw hubError('BlobContainerValidationError', `Input blob '${input.name}' is empty.`);
    const configurations = request.configurationsBlobName ?? CONFIGURATIONS_BLOB;
    if (
      request.includeConfigurations &&
      !(await inputContainer
        .getBlobClient(configurations)
        .exists()
        .catch(() => false))
    ) {
      throw hubError(
        'BlobContainerValidationError',
        `Configurations blob '${configurations}' was not found in the input blob container.`,
      );
    }
  }
  const outputName =
    type === 'import' ? IMPORT_ERRORS_BLOB : (request.outputBlobName ?? DEFAULT_BLOB_NAME);
  const output = openContainer(request.outputBlobContainerUri, request).getBlockBlobClient(
    outputName,
  );
  try {
    await output.upload('', 0);
  } catch {
    throw hubError(
      'BlobContainerValidationError',
      'Unauthorized to write to output blob container',
    );
  }
}
