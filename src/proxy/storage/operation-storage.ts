import type { Readable } from 'node:stream';
import {
  BlobSASPermissions,
  ContainerSASPermissions,
  RestError,
  type ContainerClient,
} from '@azure/storage-blob';
import { ApiError } from '../http/api-error';
import {
  fromContainerMetadata,
  toContainerMetadata,
  type OperationMetadata,
} from './operation-metadata';
import { isOperationId } from './operation-names';
import { createSasSigner, type StorageAuth } from './sas-signer';

// Everything the proxy does in blob storage, always inside one operation's container. Names reach
// this module only from newOperationId or after isOperationId, and blob names only from our fixed
// list.

export interface OperationStorageOptions {
  accountName: string;
  blobEndpoint: string;
  auth: StorageAuth;
  now: () => Date;
}

export interface SasGrant {
  url: string;
  expiresOn: string;
}

export interface StoredOperation {
  operationId: string;
  metadata: OperationMetadata;
}

export type HubContainerAccess = 'input' | 'output';

export interface OperationStorage {
  blobEndpoint: string;
  createOperation(operationId: string, metadata: OperationMetadata): Promise<void>;
  readOperation(operationId: string): Promise<OperationMetadata | undefined>;
  writeOperation(operationId: string, metadata: OperationMetadata): Promise<void>;
  listOperations(): Promise<StoredOperation[]>;
  blobSize(operationId: string, blobName: string): Promise<number | undefined>;
  /** The blob's bytes as a stream, with its stored size (the client's progress total). */
  openBlob(
    operationId: string,
    blobName: string,
  ): Promise<{ stream: Readable; size: number } | undefined>;
  uploadSas(operationId: string, blobName: string, minutes: number): Promise<SasGrant>;
  readSas(operationId: string, blobName: string, minutes: number): Promise<SasGrant>;
  hubContainerSas(
    operationId: string,
    access: HubContainerAccess,
    hours: number,
  ): Promise<SasGrant>;
  deleteOperation(operationId: string): Promise<void>;
  /**
   * Runs `work` while holding a 60 s lease on the container, so two concurrent starts of the same
   * operation cannot both claim it (start-import.ts). Container metadata writes have no If-Match,
   * hence a lease. Resolves to undefined when another caller holds the lease.
   */
  withLease<T>(operationId: string, work: () => Promise<T>): Promise<{ value: T } | undefined>;
}

export function createOperationStorage(options: OperationStorageOptions): OperationStorage {
  const signer = createSasSigner(
    options.accountName,
    options.blobEndpoint,
    options.auth,
    options.now,
  );
  const service = signer.serviceClient;
  const container = (operationId: string): ContainerClient => {
    if (!isOperationId(operationId))
      throw new ApiError(404, 'OPERATION_NOT_FOUND', 'No such operation.');
    return service.getContainerClient(operationId);
  };
  const expiry = (ms: number): Date => new Date(options.now().getTime() + ms);
  const storageCall = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(502, 'STORAGE_ERROR', 'Blob storage request failed.', {
        storageStatus: error instanceof RestError ? error.statusCode : undefined,
      });
    }
  };
  const notFound = (error: unknown): boolean =>
    error instanceof RestError && error.statusCode === 404;

  return {
    blobEndpoint: options.blobEndpoint,
    createOperation: (operationId, metadata) =>
      storageCall(async () => {
        await container(operationId).create({ metadata: toContainerMetadata(metadata) });
      }),
    readOperation: (operationId) =>
      storageCall(async () => {
        try {
          const properties = await container(operationId).getProperties();
          return fromContainerMetadata(properties.metadata);
        } catch (error) {
          if (notFound(error)) return undefined;
          throw error;
        }
      }),
    writeOperation: (operationId, metadata) =>
      storageCall(async () => {
        await container(operationId).setMetadata(toContainerMetadata(metadata));
      }),
    listOperations: () =>
      storageCall(async () => {
        const found: StoredOperation[] = [];
        for (const prefix of ['import-', 'export-']) {
          for await (const item of service.listContainers({ prefix, includeMetadata: true })) {
            const metadata = isOperationId(item.name)
              ? fromContainerMetadata(item.metadata)
              : undefined;
            if (metadata) found.push({ operationId: item.name, metadata });
          }
        }
        return found;
      }),
    blobSize: (operationId, blobName) =>
      storageCall(async () => {
        try {
          return (
            (await container(operationId).getBlobClient(blobName).getProperties()).contentLength ??
            0
          );
        } catch (error) {
          if (notFound(error)) return undefined;
          throw error;
        }
      }),
    openBlob: (operationId, blobName) =>
      storageCall(async () => {
        try {
          const download = await container(operationId).getBlobClient(blobName).download();
          const stream = download.readableStreamBody as Readable | undefined;
          return stream ? { stream, size: download.contentLength ?? 0 } : undefined;
        } catch (error) {
          if (notFound(error)) return undefined;
          throw error;
        }
      }),
    uploadSas: (operationId, blobName, minutes) =>
      blobSas(
        operationId,
        blobName,
        BlobSASPermissions.from({ create: true, write: true }).toString(),
        minutes,
      ),
    readSas: (operationId, blobName, minutes) =>
      blobSas(operationId, blobName, BlobSASPermissions.from({ read: true }).toString(), minutes),
    hubContainerSas: (operationId, access, hours) =>
      storageCall(async () => {
        const client = container(operationId);
        const permissions =
          access === 'input'
            ? ContainerSASPermissions.from({ read: true })
            : ContainerSASPermissions.from({ read: true, write: true, delete: true });
        const expiresOn = expiry(hours * 3600_000);
        const sas = await signer.sign({ containerName: operationId, permissions, expiresOn });
        return { url: `${client.url}?${sas}`, expiresOn: expiresOn.toISOString() };
      }),
    deleteOperation: (operationId) =>
      storageCall(async () => {
        await container(operationId).deleteIfExists();
      }),
    async withLease(operationId, work) {
      const lease = container(operationId).getBlobLeaseClient();
      try {
        await lease.acquireLease(60);
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 409) return undefined;
        if (notFound(error)) throw new ApiError(404, 'OPERATION_NOT_FOUND', 'No such operation.');
        throw new ApiError(502, 'STORAGE_ERROR', 'Blob storage request failed.');
      }
      try {
        return { value: await work() };
      } finally {
        await lease.releaseLease().catch(() => undefined);
      }
    },
  };

  function blobSas(
    operationId: string,
    blobName: string,
    permissions: string,
    minutes: number,
  ): Promise<SasGrant> {
    return storageCall(async () => {
      const blob = container(operationId).getBlobClient(blobName);
      const expiresOn = expiry(minutes * 60_000);
      const sas = await signer.sign({
        containerName: operationId,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        expiresOn,
      });
      return { url: `${blob.url}?${sas}`, expiresOn: expiresOn.toISOString() };
    });
  }
}
