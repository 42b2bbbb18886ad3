import {
  AzureNamedKeyCredential,
  RestError,
  TableClient,
  type TableServiceClientOptions,
} from '@azure/data-tables';
import { ApiError } from '../http/api-error';
import { StorageError, storageFailure } from '../storage/storage-error';
import type { StorageAuth } from '../storage/sas-signer';

// The one TableClient of the operations index. The table is created on first use rather than at
// start, so a proxy whose Table Storage is briefly down still starts and answers what it can; a
// failed creation is retried by the next call.

export interface IndexTableOptions {
  accountName: string;
  /** `https://<account>.table.core.windows.net`, or Azurite's `http://127.0.0.1:<port>/<account>`. */
  tableEndpoint: string;
  tableName: string;
  auth: StorageAuth;
  /** Retries and extra policies (server.ts: the proxy's storage deadlines). */
  clientOptions?: Pick<
    TableServiceClientOptions,
    'retryOptions' | 'additionalPolicies' | 'tlsOptions'
  >;
}

export interface IndexTable {
  client: TableClient;
  /** Runs one storage call with the table in place; failures become 502 STORAGE_ERROR. */
  call<T>(work: (client: TableClient) => Promise<T>): Promise<T>;
}

export function createIndexTable(options: IndexTableOptions): IndexTable {
  const insecure = new URL(options.tableEndpoint).protocol === 'http:';
  const client =
    options.auth.kind === 'sharedKey'
      ? new TableClient(
          options.tableEndpoint,
          options.tableName,
          new AzureNamedKeyCredential(options.accountName, options.auth.accountKey),
          { ...options.clientOptions, allowInsecureConnection: insecure },
        )
      : new TableClient(options.tableEndpoint, options.tableName, options.auth.credential, {
          ...options.clientOptions,
          allowInsecureConnection: insecure,
        });
  let ready: Promise<void> | undefined;
  const ensureTable = (): Promise<void> => {
    ready ??= client.createTable().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    client,
    async call(work) {
      try {
        await ensureTable();
        return await work(client);
      } catch (error) {
        // An ApiError is the caller's own refusal (a continuation token it did not issue).
        if (error instanceof ApiError || error instanceof StorageError) throw error;
        throw storageFailure(
          error,
          'table',
          'The operations index (Table Storage) did not answer; try again in a moment.',
        );
      }
    },
  };
}

export function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}
