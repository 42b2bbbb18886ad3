import type { Readable } from 'node:stream';
import {
  BlobSASPermissions,
  ContainerSASPermissions,
  RestError,
  type BlobClient,
  type ContainerClient,
} from '@azure/storage-blob';
import { StorageError, storageFailure } from './storage-error';
import {
  fromContainerMetadata,
  toContainerMetadata,
  type OperationMetadata,
} from './operation-metadata';
import { hubOutputContainerName, isOperationId, operationKind } from './operation-names';
import { copyOnce, FROZEN_BACKUP_BLOBS, FROZEN_INPUT_BLOB } from './copy-once';
import { createSasSigner, type BlobTransport, type StorageAuth } from './sas-signer';

// Everything the proxy does in blob storage, always inside one operation's container. Names reach
// this module only from newOperationId or after isOperationId, and blob names only from our fixed
// list.

export interface OperationStorageOptions {
  accountName: string;
  blobEndpoint: string;
  auth: StorageAuth;
  now: () => Date;
  transport?: BlobTransport;
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

export { FROZEN_BACKUP_BLOBS, FROZEN_INPUT_BLOB } from './copy-once';

/** Blobs the hub writes into an import's output container. */
const IMPORT_OUTPUT_BLOBS = new Set(['importErrors.log', 'importConfigErrors.log']);

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
  /**
   * Writes a blob from a stream, block by block, never holding the whole of it: the chunks of a
   * chunked import (queue/split-into-chunks.ts).
   */
  writeBlob(operationId: string, blobName: string, source: Readable): Promise<void>;
  uploadSas(operationId: string, blobName: string, minutes: number): Promise<SasGrant>;
  readSas(operationId: string, blobName: string, minutes: number): Promise<SasGrant>;
  hubContainerSas(
    operationId: string,
    access: HubContainerAccess,
    hours: number,
  ): Promise<SasGrant>;
  /**
   * The same container's plain URI, for an identityBased job (the hub's own identity is the grant,
   * so no SAS is minted and none ends up in the hub's job record) and for "the command" of a job.
   */
  hubContainerUrl(operationId: string, access: HubContainerAccess): Promise<string>;
  /**
   * Copies the uploaded devices.txt to FROZEN_INPUT_BLOB once; later calls keep the first copy, so
   * a blob the hub may be reading is never replaced.
   */
  freezeInput(operationId: string): Promise<void>;
  /**
   * Copies backup.txt and undo.ndjson, those that were uploaded, to FROZEN_BACKUP_BLOBS once; the
   * files are served from the copies from then on.
   */
  freezeBackup(operationId: string): Promise<void>;
  /** Deletes these files of an operation, their frozen copies included; gone ones are skipped. */
  deleteFiles(operationId: string, blobNames: readonly string[]): Promise<void>;
  /**
   * Takes an infinite lease on each uploaded blob that exists, so the upload grants handed to the
   * browser can no longer overwrite it (412 LeaseIdMissing).
   */
  lockUploads(operationId: string, blobNames: readonly string[]): Promise<void>;
  deleteOperation(operationId: string): Promise<void>;
  /**
   * Runs `work` while holding a 60 s lease on the container, so two concurrent starts of the same
   * operation cannot both claim it (start-import.ts). Container metadata writes have no If-Match,
   * hence a lease. Resolves to undefined when another caller holds the lease.
   */
  withLease<T>(operationId: string, work: () => Promise<T>): Promise<{ value: T } | undefined>;
}

const noSuchOperation = (): StorageError =>
  new StorageError('operation-not-found', 'blob', 'No such operation.');

export function createOperationStorage(options: OperationStorageOptions): OperationStorage {
  const signer = createSasSigner(
    options.accountName,
    options.blobEndpoint,
    options.auth,
    options.now,
    options.transport,
  );
  const service = signer.serviceClient;
  const container = (operationId: string): ContainerClient => {
    if (!isOperationId(operationId)) throw noSuchOperation();
    return service.getContainerClient(operationId);
  };
  const outputContainer = (operationId: string): ContainerClient =>
    service.getContainerClient(hubOutputContainerName(container(operationId).containerName));
  // Where a file of an operation lives, newest layout first: imports started before the hub got
  // its own output container (and its frozen input) keep their files in the operation's one.
  const placesOf = (operationId: string, blobName: string): BlobClient[] => {
    const own = container(operationId);
    if (operationKind(operationId) !== 'import') return [own.getBlobClient(blobName)];
    if (blobName === 'devices.txt')
      return [own.getBlobClient(FROZEN_INPUT_BLOB), own.getBlobClient(blobName)];
    const frozenBackup = FROZEN_BACKUP_BLOBS[blobName];
    if (frozenBackup !== undefined)
      return [own.getBlobClient(frozenBackup), own.getBlobClient(blobName)];
    if (IMPORT_OUTPUT_BLOBS.has(blobName))
      return [outputContainer(operationId).getBlobClient(blobName), own.getBlobClient(blobName)];
    return [own.getBlobClient(blobName)];
  };
  const firstExisting = async <T>(
    operationId: string,
    blobName: string,
    read: (blob: BlobClient) => Promise<T>,
  ): Promise<{ blob: BlobClient; value: T } | undefined> => {
    for (const blob of placesOf(operationId, blobName)) {
      try {
        return { blob, value: await read(blob) };
      } catch (error) {
        if (!notFound(error)) throw error;
      }
    }
    return undefined;
  };
  const expiry = (ms: number): Date => new Date(options.now().getTime() + ms);
  const storageCall = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw storageFailure(error, 'blob', 'Blob storage request failed.');
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
        const found = await firstExisting(operationId, blobName, (blob) => blob.getProperties());
        return found ? (found.value.contentLength ?? 0) : undefined;
      }),
    openBlob: (operationId, blobName) =>
      storageCall(async () => {
        const found = await firstExisting(operationId, blobName, (blob) => blob.download());
        const stream = found?.value.readableStreamBody as Readable | undefined;
        return stream ? { stream, size: found?.value.contentLength ?? 0 } : undefined;
      }),
    uploadSas: (operationId, blobName, minutes) =>
      storageCall(() =>
        blobSas(
          container(operationId).getBlobClient(blobName),
          BlobSASPermissions.from({ create: true, write: true }).toString(),
          minutes,
        ),
      ),
    readSas: (operationId, blobName, minutes) =>
      storageCall(async () => {
        const found = await firstExisting(operationId, blobName, (blob) => blob.getProperties());
        const blob = found?.blob ?? container(operationId).getBlobClient(blobName);
        return blobSas(blob, BlobSASPermissions.from({ read: true }).toString(), minutes);
      }),
    hubContainerUrl: (operationId, access) =>
      storageCall(async () => (await hubContainer(operationId, access)).url),
    hubContainerSas: (operationId, access, hours) =>
      storageCall(async () => {
        const client = await hubContainer(operationId, access);
        const permissions =
          access === 'input'
            ? ContainerSASPermissions.from({ read: true })
            : ContainerSASPermissions.from({ read: true, write: true, delete: true });
        const expiresOn = expiry(hours * 3600_000);
        const sas = await signer.sign({
          containerName: client.containerName,
          permissions,
          expiresOn,
        });
        return { url: `${client.url}?${sas}`, expiresOn: expiresOn.toISOString() };
      }),
    freezeInput: (operationId) =>
      storageCall(async () => {
        const own = container(operationId);
        const uploaded = own.getBlobClient('devices.txt');
        // A copy inside one account is authorized by the shared key itself; with an Entra token
        // the service needs the source to carry its own grant.
        const source =
          options.auth.kind === 'sharedKey'
            ? uploaded.url
            : (await blobSas(uploaded, BlobSASPermissions.from({ read: true }).toString(), 10)).url;
        await copyOnce(own.getBlobClient(FROZEN_INPUT_BLOB), source);
      }),
    freezeBackup: (operationId) =>
      storageCall(async () => {
        const own = container(operationId);
        for (const [name, frozen] of Object.entries(FROZEN_BACKUP_BLOBS)) {
          const uploaded = own.getBlobClient(name);
          if (!(await uploaded.exists())) continue;
          const source =
            options.auth.kind === 'sharedKey'
              ? uploaded.url
              : (await blobSas(uploaded, BlobSASPermissions.from({ read: true }).toString(), 10))
                  .url;
          await copyOnce(own.getBlobClient(frozen), source);
        }
      }),
    writeBlob: (operationId, blobName, source) =>
      storageCall(async () => {
        await container(operationId)
          .getBlockBlobClient(blobName)
          .uploadStream(source, 4 * 1024 * 1024, 2);
      }),
    deleteFiles: (operationId, blobNames) =>
      storageCall(async () => {
        for (const name of blobNames)
          for (const blob of placesOf(operationId, name)) {
            try {
              await blob.deleteIfExists();
            } catch (error) {
              // An upload locked at start (lockUploads) holds an infinite lease: break it, then
              // delete. Only a lease error is taken as that.
              if (!(error instanceof RestError && error.statusCode === 412)) throw error;
              await blob.getBlobLeaseClient().breakLease(0);
              await blob.deleteIfExists();
            }
          }
      }),
    lockUploads: (operationId, blobNames) =>
      storageCall(async () => {
        for (const name of blobNames) {
          try {
            await container(operationId).getBlobClient(name).getBlobLeaseClient().acquireLease(-1);
          } catch (error) {
            // Never uploaded, or locked by an earlier start.
            if (notFound(error) || (error instanceof RestError && error.statusCode === 409))
              continue;
            throw error;
          }
        }
      }),
    deleteOperation: (operationId) =>
      storageCall(async () => {
        await container(operationId).deleteIfExists();
        if (operationKind(operationId) === 'import')
          await outputContainer(operationId).deleteIfExists();
      }),
    async withLease(operationId, work) {
      const lease = container(operationId).getBlobLeaseClient();
      try {
        await lease.acquireLease(60);
      } catch (error) {
        if (error instanceof RestError && error.statusCode === 409) return undefined;
        if (notFound(error)) throw noSuchOperation();
        throw storageFailure(error, 'blob', 'Blob storage request failed.');
      }
      try {
        return { value: await work() };
      } finally {
        await lease.releaseLease().catch(() => undefined);
      }
    },
  };

  async function hubContainer(
    operationId: string,
    access: HubContainerAccess,
  ): Promise<ContainerClient> {
    if (access === 'output' && operationKind(operationId) === 'import') {
      const client = outputContainer(operationId);
      await client.createIfNotExists();
      return client;
    }
    return container(operationId);
  }

  async function blobSas(
    blob: BlobClient,
    permissions: string,
    minutes: number,
  ): Promise<SasGrant> {
    const expiresOn = expiry(minutes * 60_000);
    const sas = await signer.sign({
      containerName: blob.containerName,
      blobName: blob.name,
      permissions: BlobSASPermissions.parse(permissions),
      expiresOn,
    });
    return { url: `${blob.url}?${sas}`, expiresOn: expiresOn.toISOString() };
  }
}
