import { randomUUID } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { SpaConfig, type SpaConfigInput } from '../contracts/api/identity';
import { installAuthentication } from './auth/authenticate';
import { createBearerVerifier, type AuthOptions } from './auth/bearer-verifier';
import { ApiError } from './http/api-error';
import { clientErrorHandler } from './http/client-errors';
import { installErrorHandler } from './http/error-handler';
import { frameworkErrorHandler } from './http/framework-errors';
import {
  DEFAULT_STORAGE_DEADLINES,
  STORAGE_RETRY_DELAY,
  blobDeadlinePolicy,
  tableDeadlinePolicy,
  type StorageDeadlines,
} from './http/storage-deadlines';
import { createOutboundAgent } from './http/outbound-agent';
import { installReadRateLimit } from './http/read-rate-limit';
import { installRequestLog, stdoutLog, type ProxyLog } from './http/request-log';
import { installSecurityHeaders, securityHeaders } from './http/security-headers';
import { storageTlsFor } from './http/storage-tls';
import { createHubJobsClient, type JobStorageAuthentication } from './hub/hub-jobs';
import { createHubQueryClient } from './hub/hub-query';
import { createHubRegistryClient } from './hub/hub-registry';
import { createHubTransport, type HubAccess } from './hub/hub-transport';
import {
  createSupportExportGate,
  type SupportExportPolicy,
} from './operations/admit-support-export';
import { createRegistryCounter } from './operations/count-registry';
import { createReadinessProbe } from './operations/check-readiness';
import type { ProxyContext } from './operations/proxy-context';
import { DEFAULT_UNSTARTED_EXPIRY_HOURS } from './operations-index/cleanup-expired-operations';
import { createIndexTable } from './operations-index/index-table-client';
import { indexOperationWrites } from './operations-index/indexed-operation-storage';
import { createOperationsIndex, defaultTableEndpoint } from './operations-index/operations-index';
import {
  DEFAULT_CLEANUP_INTERVAL_MINUTES,
  scheduleOperationsCleanup,
} from './operations-index/schedule-operations-cleanup';
import { registerIdentityRoutes } from './routes/identity-routes';
import { registerHubCountRoutes } from './routes/hub-count-routes';
import { registerJobRoutes } from './routes/job-routes';
import { registerOperationRoutes } from './routes/operation-routes';
import { registerPublicRoutes } from './routes/public-routes';
import { registerQueueRoutes } from './routes/queue-routes';
import { createMessageQueue, defaultQueueEndpoint } from './queue/message-queue';
import type { OperationQueue } from './queue/operation-queue';
import { listQueueEntries } from './queue/queue-entries';
import { hubQueueName } from './queue/queue-name';
import { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './queue/queue-worker';
import { startJobMonitor, type JobMonitor, type JobMonitorOptions } from './monitor/job-monitor';
import { registerRegistryQueryRoutes } from './routes/registry-query-routes';
import { registerRegistryRoutes } from './routes/registry-routes';
import { registerSetupCheckRoutes } from './routes/setup-check-routes';
import { createSetupCheckDeps } from './setup-check/create-setup-check-deps';
import { logSetupCheck } from './setup-check/log-setup-check';
import { runSetupCheck } from './setup-check/run-setup-check';
import type { SetupCheckResponse } from '../contracts/api/setup-check';
import { createOperationStorage } from './storage/operation-storage';
import type { BlobTransport, StorageAuth, TokenCredentialLike } from './storage/sas-signer';

export interface ProxyOptions {
  host?: string;
  port?: number;
  staticDir?: string;
  auth: AuthOptions;
  trustedCaPem?: string;
  /**
   * A connection string, or the host name and an Entra credential; `jobStorage` says whether the
   * hub reaches job containers by SAS (default) or with its own identity.
   */
  hub: HubAccess & { apiVersion?: string; jobStorage?: JobStorageAuthentication };
  /** The hub's device cap for the overview; the hub's API does not say it (`HUB_DEVICE_CAP`). */
  hubDeviceCap?: number;
  /** `accountKey` (Azurite, key-based accounts) or `credential` (Entra; user-delegation SAS). */
  storage: {
    accountName: string;
    accountKey?: string;
    blobEndpoint: string;
    /** The operations index's Table endpoint; derived from an Azure blob endpoint when omitted. */
    tableEndpoint?: string;
    /**
     * The Queue endpoint of the queue of operations waiting for the hub's slot; derived from an
     * Azure blob endpoint when omitted. Without one (Azurite without it) queueing answers 503
     * QUEUE_DISABLED and no worker runs.
     */
    queueEndpoint?: string;
    credential?: TokenCredentialLike;
  };
  /** The operations index and the cleanup of unstarted operations (docs/proxy.md). */
  operationsIndex?: {
    tableName?: string;
    unstartedExpiryHours?: number;
    cleanupIntervalMinutes?: number;
  };
  /** The queue worker's timings (docs/proxy.md, "Queue and monitor"); `enabled: false` runs none. */
  queueWorker?: QueueWorkerOptions & { enabled?: boolean };
  /**
   * The server-side job monitor (docs/proxy.md, "Queue and monitor"): off unless enabled, as each
   * instance would otherwise add storage calls to tests that count them; main.ts and the dev
   * stack turn it on.
   */
  jobMonitor?: JobMonitorOptions & { enabled?: boolean };
  spa: SpaConfigInput;
  log?: (entry: Record<string, unknown>) => void;
  now?: () => Date;
  /** How long an import's backup and undo files are kept (default 30 days). */
  backup?: { retentionDays?: number };
  /** Exports by support staff: off unless enabled (docs/proxy.md, "Support exports"). */
  supportExports?: SupportExportPolicy;
  /** Deadlines of storage calls (docs/proxy.md, "Storage outages"); 5 s per try, 2 tries. */
  storageDeadlines?: Partial<StorageDeadlines>;
  /** Per-user limit on state-changing routes; default 30 per minute. */
  rateLimit?: { max: number; timeWindowMs: number };
  /**
   * Per-user limit on all `/api` reads together; default 600 per minute, far above the SPA's
   * polling (a job page polls every 2 s) but a bound on a runaway script.
   */
  readRateLimit?: { max: number; timeWindowMs: number };
  /**
   * The setup check (docs/proxy.md, "Setup check"): the SPA's public origins for its CORS check,
   * and whether it runs (and logs) once at start; off by default so tests start quietly.
   */
  setupCheck?: { appOrigins?: readonly string[]; atStart?: boolean };
}

export interface ProxyHandle {
  url: string;
  /** The setup check as at start (no dry job), for a caller that reports it itself. */
  checkSetup(): Promise<SetupCheckResponse>;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

function storageAuthOf(storage: ProxyOptions['storage']): StorageAuth {
  if (storage.accountKey) return { kind: 'sharedKey', accountKey: storage.accountKey };
  if (storage.credential) return { kind: 'tokenCredential', credential: storage.credential };
  throw new Error(
    'options.storage needs accountKey (shared key) or credential (Entra, user-delegation SAS)',
  );
}

export async function createProxy(options: ProxyOptions): Promise<ProxyHandle> {
  const now = options.now ?? (() => new Date());
  const log: ProxyLog = options.log ?? stdoutLog;
  const spa = SpaConfig.parse(options.spa);
  const agent = createOutboundAgent({ trustedCaPem: options.trustedCaPem });
  const storageAuth = storageAuthOf(options.storage);
  const { jobStorage, ...hubAccess } = options.hub;
  const hubTransport = createHubTransport({ ...hubAccess, dispatcher: agent, now });
  const hub = createHubJobsClient(hubTransport, jobStorage);
  const deadlines = { ...DEFAULT_STORAGE_DEADLINES, ...options.storageDeadlines };
  const storageTls =
    options.trustedCaPem && options.storage.blobEndpoint.startsWith('https:')
      ? storageTlsFor(options.trustedCaPem)
      : undefined;
  const blobTransport: BlobTransport = {
    retryOptions: { maxTries: deadlines.maxTries, ...STORAGE_RETRY_DELAY },
    policies: [blobDeadlinePolicy(deadlines, log), ...(storageTls ? [storageTls.blobPolicy] : [])],
  };
  const containers = createOperationStorage({
    ...options.storage,
    auth: storageAuth,
    now,
    transport: blobTransport,
  });
  const tableClientOptions = {
    retryOptions: { maxRetries: deadlines.maxTries - 1, ...STORAGE_RETRY_DELAY },
    additionalPolicies: [
      { policy: tableDeadlinePolicy(deadlines, log), position: 'perCall' as const },
    ],
    ...(storageTls ? { tlsOptions: storageTls.tableTlsOptions } : {}),
  };
  const tableEndpoint =
    options.storage.tableEndpoint ?? defaultTableEndpoint(options.storage.blobEndpoint);
  if (!tableEndpoint)
    throw new Error('options.storage.tableEndpoint is required when blobEndpoint is not Azure');
  const tableName = options.operationsIndex?.tableName ?? 'operations';
  const index = createOperationsIndex({
    accountName: options.storage.accountName,
    tableEndpoint,
    auth: storageAuth,
    hubHostName: hub.hostName,
    tableName,
    clientOptions: tableClientOptions,
  });
  const claimsTable = createIndexTable({
    accountName: options.storage.accountName,
    tableEndpoint,
    auth: storageAuth,
    tableName,
    clientOptions: tableClientOptions,
  });
  const queueEndpoint =
    options.storage.queueEndpoint ?? defaultQueueEndpoint(options.storage.blobEndpoint);
  const queue: OperationQueue | undefined = queueEndpoint
    ? {
        table: claimsTable,
        partitionKey: index.partitionKey,
        messages: createMessageQueue({
          accountName: options.storage.accountName,
          queueEndpoint,
          queueName: hubQueueName(hub.hostName),
          auth: storageAuth,
          pipeline: {
            retryOptions: {
              maxTries: deadlines.maxTries,
              tryTimeoutInMs: deadlines.tryTimeoutMs,
              retryDelayInMs: STORAGE_RETRY_DELAY.retryDelayInMs,
              maxRetryDelayInMs: STORAGE_RETRY_DELAY.maxRetryDelayInMs,
            },
          },
        }),
      }
    : undefined;

  const supportExports = createSupportExportGate(
    {
      hub,
      table: claimsTable,
      partitionKey: index.partitionKey,
      now,
      ...(queue
        ? {
            queuedOperation: async () =>
              (await listQueueEntries(queue.table, queue.partitionKey)).find(
                (entry) => entry.row.state !== 'failed',
              )?.row.operationId,
          }
        : {}),
    },
    options.supportExports ?? { enabled: false },
  );

  const context: ProxyContext = {
    hub,
    storage: indexOperationWrites(containers, index, log),
    index,
    now,
    ...(options.backup?.retentionDays ? { backupRetentionDays: options.backup.retentionDays } : {}),
    audit: (request, entry) =>
      log({
        level: 'info',
        msg: 'audit',
        type: 'audit',
        requestId: request.id,
        who: request.principal && {
          objectId: request.principal.objectId,
          name: request.principal.name,
        },
        ...entry,
      }),
  };

  const verify = createBearerVerifier(
    { ...options.auth, clientIds: options.auth.clientIds ?? [spa.auth.clientId] },
    now,
    agent,
  );
  const headersFor = securityHeaders({
    storageOrigin: new URL(options.storage.blobEndpoint).origin,
    authorityOrigin: new URL(spa.auth.authority).origin,
  });
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler({ verify, headersFor, log }),
    clientErrorHandler: clientErrorHandler(headersFor, log),
  });
  app.removeContentTypeParser('text/plain');
  // Tolerate `Content-Type: application/json` with an empty body on POSTs that take none (start
  // import).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (!text.trim()) return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(
        new ApiError(400, 'VALIDATION_FAILED', 'The request body is not valid JSON.'),
        undefined,
      );
    }
  });

  installErrorHandler(app, log);
  installSecurityHeaders(app, headersFor);
  installRequestLog(app, log);
  installAuthentication(app, verify);
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    max: options.rateLimit?.max ?? 30,
    timeWindow: options.rateLimit?.timeWindowMs ?? 60_000,
    // Authentication ran in onRequest, so the key is the verified user, not an IP shared by a whole
    // office.
    keyGenerator: (request) => request.principal?.objectId ?? request.ip,
    errorResponseBuilder: (_request, limit) =>
      new ApiError(429, 'RATE_LIMITED', 'Too many changes in a short time; try again shortly.', {
        retryAfter: limit.after,
      }),
  });
  installReadRateLimit(app, options.readRateLimit ?? { max: 600, timeWindowMs: 60_000 });

  // An operation id of the right shape that no operation has: reading it proves the service answers.
  const probeId = 'import-00000000-aaaaaaaaaa';
  const readiness = createReadinessProbe(
    {
      storage: () => containers.readOperation(probeId),
      table: () => index.byOperationId(probeId),
      hub: () => hub.getDeviceStatistics(),
    },
    { deadlineMs: deadlines.tryTimeoutMs + 500, reuseMs: 2_000, log },
  );
  await registerPublicRoutes(app, spa, options.staticDir, readiness);
  registerIdentityRoutes(app, context);
  registerOperationRoutes(app, context, supportExports);
  registerJobRoutes(app, context);
  registerQueueRoutes(app, context, queue);
  registerRegistryRoutes(app, context, createHubRegistryClient(hubTransport));
  registerRegistryQueryRoutes(app, context, hubTransport);
  const setupCheck = createSetupCheckDeps({
    auth: { ...options.auth, apiScope: spa.auth.apiScope },
    hub,
    hubTransport,
    hubAuth: 'connectionString' in hubAccess ? 'sharedAccessPolicy' : 'entra',
    storage: { ...options.storage, auth: storageAuth, transport: blobTransport },
    agent,
    now,
    appOrigins: options.setupCheck?.appOrigins ?? [],
  });
  registerSetupCheckRoutes(app, setupCheck);
  registerHubCountRoutes(
    app,
    createRegistryCounter({
      query: createHubQueryClient(hubTransport),
      deviceCap: options.hubDeviceCap ?? null,
      now,
    }),
  );

  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const cleanup = scheduleOperationsCleanup(
    { storage: containers, index, now },
    {
      intervalMinutes:
        options.operationsIndex?.cleanupIntervalMinutes ?? DEFAULT_CLEANUP_INTERVAL_MINUTES,
      expiryHours: options.operationsIndex?.unstartedExpiryHours ?? DEFAULT_UNSTARTED_EXPIRY_HOURS,
    },
    log,
  );
  const monitor: JobMonitor | undefined = options.jobMonitor?.enabled
    ? startJobMonitor(
        { context, table: claimsTable, partitionKey: index.partitionKey, log },
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
  if (options.setupCheck?.atStart)
    void runSetupCheck(setupCheck, { dryJob: false })
      .then((result) => logSetupCheck(result, log))
      .catch((error: unknown) =>
        log({ level: 'warn', msg: 'setup check did not run', error: String(error) }),
      );
  log({
    level: 'info',
    msg: 'proxy listening',
    url,
    hubHost: context.hub.hostName,
    storage: options.storage.blobEndpoint,
  });
  return {
    url,
    checkSetup: () => runSetupCheck(setupCheck, { dryJob: false }),
    async close() {
      await worker?.stop();
      await monitor?.stop();
      await cleanup.stop();
      await app.close();
      await agent.close();
      storageTls?.close();
    },
  };
}
