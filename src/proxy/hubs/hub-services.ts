import type { Dispatcher } from 'undici';
import type { SpaConfig } from '../../contracts/api/identity';
import type { AuthOptions } from '../auth/bearer-verifier';
import type { HubRoleValues } from '../auth/hub-roles';
import type { ProxyLog } from '../http/request-log';
import {
  createHubConfigurationsClient,
  type HubConfigurationsClient,
} from '../hub/hub-configurations';
import { createHubJobsClient, type JobStorageAuthentication } from '../hub/hub-jobs';
import { createHubQueryClient } from '../hub/hub-query';
import { createHubRegistryClient, type HubRegistryClient } from '../hub/hub-registry';
import { createHubTransport, type HubAccess, type HubTransport } from '../hub/hub-transport';
import { startJobMonitor, type JobMonitor, type JobMonitorOptions } from '../monitor/job-monitor';
import {
  createSupportExportGate,
  type SupportExportGate,
  type SupportExportPolicy,
} from '../operations/admit-support-export';
import { createRegistryCounter, type RegistryCounter } from '../operations/count-registry';
import type { ProxyContext } from '../operations/proxy-context';
import type { IndexTable } from '../operations-index/index-table-client';
import { indexOperationWrites } from '../operations-index/indexed-operation-storage';
import { createOperationsIndex, type OperationsIndex } from '../operations-index/operations-index';
import {
  scheduleOperationsCleanup,
  type CleanupSchedule,
} from '../operations-index/schedule-operations-cleanup';
import { createMessageQueue } from '../queue/message-queue';
import type { OperationQueue } from '../queue/operation-queue';
import { listQueueEntries } from '../queue/queue-entries';
import { hubQueueName } from '../queue/queue-name';
import { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from '../queue/queue-worker';
import { createSetupCheckDeps } from '../setup-check/create-setup-check-deps';
import type { SetupCheckDeps } from '../setup-check/setup-check-deps';
import type { OperationStorage } from '../storage/operation-storage';
import type { BlobTransport, StorageAuth, TokenCredentialLike } from '../storage/sas-signer';
import { hubScopedStorage } from './hub-scoped-storage';

// Everything one hub needs, built once per configured hub (docs/proxy.md, "Several hubs"): its
// hub clients, its partition of the operations index, its queue and slot, its counter, its setup
// check, and (once the server listens) its queue worker, job monitor and cleanup. Storage account,
// index table and outbound agent are shared; what is per hub is keyed by the hub's host name
// (`hubPartitionKey`, `hubQueueName`) and, for containers, by the hub id in their metadata.

/** One hub as createProxy is given it. */
export type HubOptions = HubAccess &
  HubRoleValues & {
    /** The hub's id in URLs (`/api/hubs/{id}/...`) and records. */
    id: string;
    /** Shown in the hub picker; the host name when omitted. */
    displayName?: string;
    apiVersion?: string;
    /** Whether the hub reaches job containers by SAS (default) or with its own identity. */
    jobStorage?: JobStorageAuthentication;
    /** The hub's device cap for the overview; the hub's API does not say it. */
    deviceCap?: number;
  };

/** What every hub shares: one storage account, one index table, one outbound agent. */
export interface SharedWiring {
  firstHubId: string;
  containers: OperationStorage;
  claimsTable: IndexTable;
  storage: {
    accountName: string;
    accountKey?: string;
    blobEndpoint: string;
    credential?: TokenCredentialLike;
  };
  storageAuth: StorageAuth;
  blobTransport: BlobTransport;
  tableEndpoint: string;
  tableName: string;
  tableClientOptions: Parameters<typeof createOperationsIndex>[0]['clientOptions'];
  queueEndpoint: string | undefined;
  queuePipeline: Parameters<typeof createMessageQueue>[0]['pipeline'];
  agent: Dispatcher;
  auth: AuthOptions;
  spa: SpaConfig;
  now: () => Date;
  log: ProxyLog;
  backupRetentionDays?: number;
  supportExports: SupportExportPolicy;
  appOrigins: readonly string[];
}

export interface HubServices {
  id: string;
  displayName: string;
  hostName: string;
  roleValues: HubRoleValues;
  context: ProxyContext;
  /** The hub's own operations in storage, without the index writes (the cleanup's view). */
  ownStorage: OperationStorage;
  index: OperationsIndex;
  queue: OperationQueue | undefined;
  supportExports: SupportExportGate;
  registry: HubRegistryClient;
  /** For deleting configurations one by one (copies/delete-all-configurations.ts). */
  configurations: HubConfigurationsClient;
  /** The hub's REST transport, for routes that call the hub directly (the registry query). */
  transport: HubTransport;
  counter: RegistryCounter;
  setupCheck: SetupCheckDeps;
}

export function createHubServices(hubOptions: HubOptions, shared: SharedWiring): HubServices {
  const { id, displayName, jobStorage, deviceCap, adminRoles, supportRoles, ...access } =
    hubOptions;
  const { now, log } = shared;
  const hubTransport = createHubTransport({ ...access, dispatcher: shared.agent, now });
  const hub = createHubJobsClient(hubTransport, jobStorage);
  const index = createOperationsIndex({
    accountName: shared.storage.accountName,
    tableEndpoint: shared.tableEndpoint,
    auth: shared.storageAuth,
    hubHostName: hub.hostName,
    tableName: shared.tableName,
    clientOptions: shared.tableClientOptions,
  });
  const queue: OperationQueue | undefined = shared.queueEndpoint
    ? {
        table: shared.claimsTable,
        partitionKey: index.partitionKey,
        messages: createMessageQueue({
          accountName: shared.storage.accountName,
          queueEndpoint: shared.queueEndpoint,
          queueName: hubQueueName(hub.hostName),
          auth: shared.storageAuth,
          pipeline: shared.queuePipeline,
        }),
      }
    : undefined;
  const supportExports = createSupportExportGate(
    {
      hub,
      table: shared.claimsTable,
      partitionKey: index.partitionKey,
      now,
      ...(queue
        ? {
            queuedOperation: async () =>
              (await listQueueEntries(queue.table, queue.partitionKey)).find(
                (entry) => entry.row.state === 'queued' || entry.row.state === 'starting',
              )?.row.operationId,
          }
        : {}),
    },
    shared.supportExports,
  );
  const storage = hubScopedStorage(shared.containers, id, shared.firstHubId);
  const context: ProxyContext = {
    hub,
    storage: indexOperationWrites(storage, index, log),
    index,
    now,
    ...(shared.backupRetentionDays ? { backupRetentionDays: shared.backupRetentionDays } : {}),
    audit: (request, entry) =>
      log({
        level: 'info',
        msg: 'audit',
        type: 'audit',
        requestId: request.id,
        hubId: id,
        who: request.principal && {
          objectId: request.principal.objectId,
          name: request.principal.name,
        },
        ...entry,
      }),
  };
  return {
    id,
    displayName: displayName ?? hub.hostName,
    hostName: hub.hostName,
    roleValues: { adminRoles: adminRoles ?? [], supportRoles: supportRoles ?? [] },
    context,
    ownStorage: storage,
    index,
    queue,
    supportExports,
    registry: createHubRegistryClient(hubTransport),
    configurations: createHubConfigurationsClient(hubTransport),
    transport: hubTransport,
    counter: createRegistryCounter({
      query: createHubQueryClient(hubTransport),
      deviceCap: deviceCap ?? null,
      now,
    }),
    setupCheck: createSetupCheckDeps({
      auth: { ...shared.auth, apiScope: shared.spa.auth.apiScope },
      hub,
      hubTransport,
      hubAuth: 'connectionString' in access ? 'sharedAccessPolicy' : 'entra',
      storage: {
        ...shared.storage,
        auth: shared.storageAuth,
        transport: shared.blobTransport,
      },
      agent: shared.agent,
      now,
      appOrigins: shared.appOrigins,
    }),
  };
}

/** The hub's background work, started once the server listens and stopped before it closes. */
export interface HubBackground {
  stop(): Promise<void>;
}

export function startHubBackground(
  services: HubServices,
  shared: Pick<SharedWiring, 'claimsTable' | 'log' | 'now'>,
  options: {
    cleanup: { intervalMinutes: number; expiryHours: number };
    jobMonitor?: JobMonitorOptions & { enabled?: boolean };
    queueWorker?: QueueWorkerOptions & { enabled?: boolean };
  },
): HubBackground {
  const { context, index, queue, ownStorage } = services;
  const log: ProxyLog = (entry) => shared.log({ hubId: services.id, ...entry });
  const cleanup: CleanupSchedule = scheduleOperationsCleanup(
    { storage: ownStorage, index, now: shared.now },
    options.cleanup,
    log,
  );
  const monitor: JobMonitor | undefined = options.jobMonitor?.enabled
    ? startJobMonitor(
        { context, table: shared.claimsTable, partitionKey: index.partitionKey, log },
        options.jobMonitor,
      )
    : undefined;
  if (monitor) {
    context.monitoredJobs = () => monitor.fresh()?.jobs;
    context.nudgeMonitor = () => monitor.nudge();
  }
  const worker: QueueWorker | undefined =
    queue && options.queueWorker?.enabled !== false
      ? startQueueWorker({ context, queue, log }, options.queueWorker)
      : undefined;
  return {
    async stop() {
      await worker?.stop();
      await monitor?.stop();
      await cleanup.stop();
    },
  };
}
