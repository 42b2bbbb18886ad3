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
import type { JobStorageAuthentication } from './hub/hub-jobs';
import type { HubAccess } from './hub/hub-transport';
import {
  createHubServices,
  startHubBackground,
  type HubBackground,
  type HubOptions,
  type HubServices,
} from './hubs/hub-services';
import type { SupportExportPolicy } from './operations/admit-support-export';
import { createReadinessProbe } from './operations/check-readiness';
import { DEFAULT_UNSTARTED_EXPIRY_HOURS } from './operations-index/cleanup-expired-operations';
import { createIndexTable } from './operations-index/index-table-client';
import { defaultTableEndpoint } from './operations-index/operations-index';
import { DEFAULT_CLEANUP_INTERVAL_MINUTES } from './operations-index/schedule-operations-cleanup';
import { defaultQueueEndpoint } from './queue/message-queue';
import type { QueueWorkerOptions } from './queue/queue-worker';
import type { JobMonitorOptions } from './monitor/job-monitor';
import { registerHubRoutes } from './routes/hub-routes';
import { registerHubListRoutes } from './routes/hub-list-routes';
import { registerHubScopedRoutes } from './routes/hub-scope';
import { registerPublicRoutes } from './routes/public-routes';
import { createSetupCheckRunner } from './routes/setup-check-routes';
import { logSetupCheck } from './setup-check/log-setup-check';
import { runSetupCheck } from './setup-check/run-setup-check';
import type { SetupCheckResponse } from '../contracts/api/setup-check';
import { createOperationStorage } from './storage/operation-storage';
import type { BlobTransport, StorageAuth, TokenCredentialLike } from './storage/sas-signer';

export type { HubOptions } from './hubs/hub-services';

export interface ProxyOptions {
  host?: string;
  port?: number;
  staticDir?: string;
  auth: AuthOptions;
  trustedCaPem?: string;
  /**
   * The hubs served, first one first (it also answers the unprefixed routes); docs/proxy.md,
   * "Several hubs". Give either `hubs` or the one-hub shorthand `hub`.
   */
  hubs?: readonly HubOptions[];
  /**
   * One hub, id `main`: a connection string, or the host name and an Entra credential;
   * `jobStorage` says whether the hub reaches job containers by SAS (default) or with its own
   * identity.
   */
  hub?: HubAccess & { apiVersion?: string; jobStorage?: JobStorageAuthentication };
  /** With `hub`: its device cap for the overview; the hub's API does not say it. */
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
  /** The setup check as at start (no dry job) of the first hub, or of `hubId`. */
  checkSetup(hubId?: string): Promise<SetupCheckResponse>;
  close(): Promise<void>;
}

const BODY_LIMIT_BYTES = 64 * 1024;

/** The id the one-hub shorthand gets, as HUB_ID's default (config/proxy-env.ts). */
export const SINGLE_HUB_ID = 'main';

function hubsOf(options: ProxyOptions): readonly HubOptions[] {
  if (options.hubs && options.hub) throw new Error('give options.hubs or options.hub, not both');
  if (options.hubs) {
    if (options.hubs.length === 0) throw new Error('options.hubs lists no hub');
    const ids = options.hubs.map((hub) => hub.id);
    if (new Set(ids).size !== ids.length) throw new Error('options.hubs repeats a hub id');
    return options.hubs;
  }
  if (!options.hub) throw new Error('options.hubs (or options.hub) is required');
  return [
    {
      ...options.hub,
      id: SINGLE_HUB_ID,
      ...(options.hubDeviceCap ? { deviceCap: options.hubDeviceCap } : {}),
    },
  ];
}

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
  const hubOptions = hubsOf(options);
  const agent = createOutboundAgent({ trustedCaPem: options.trustedCaPem });
  const storageAuth = storageAuthOf(options.storage);
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
  const claimsTable = createIndexTable({
    accountName: options.storage.accountName,
    tableEndpoint,
    auth: storageAuth,
    tableName,
    clientOptions: tableClientOptions,
  });
  const queueEndpoint =
    options.storage.queueEndpoint ?? defaultQueueEndpoint(options.storage.blobEndpoint);
  const spaInput = SpaConfig.parse(options.spa);
  const shared = {
    firstHubId: hubOptions[0]?.id ?? SINGLE_HUB_ID,
    containers,
    claimsTable,
    storage: options.storage,
    storageAuth,
    blobTransport,
    tableEndpoint,
    tableName,
    tableClientOptions,
    queueEndpoint,
    queuePipeline: {
      retryOptions: {
        maxTries: deadlines.maxTries,
        tryTimeoutInMs: deadlines.tryTimeoutMs,
        retryDelayInMs: STORAGE_RETRY_DELAY.retryDelayInMs,
        maxRetryDelayInMs: STORAGE_RETRY_DELAY.maxRetryDelayInMs,
      },
    },
    agent,
    auth: options.auth,
    spa: spaInput,
    now,
    log,
    ...(options.backup?.retentionDays ? { backupRetentionDays: options.backup.retentionDays } : {}),
    supportExports: options.supportExports ?? { enabled: false },
    appOrigins: options.setupCheck?.appOrigins ?? [],
  };
  const hubs: HubServices[] = hubOptions.map((hub) => createHubServices(hub, shared));
  const [first] = hubs;
  if (!first) throw new Error('options.hubs lists no hub');
  // /config.json names every hub; hubHostName stays the first one's for SPAs of one hub.
  const spa: SpaConfig = {
    ...spaInput,
    hubs: hubs.map(({ id, displayName, hostName }) => ({ id, displayName, hostName })),
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
  // The hub part is ready while any hub answers: one hub's outage must not take the console out
  // of its load balancer for the others (the setup check names the hub that does not answer).
  const readiness = createReadinessProbe(
    {
      storage: () => containers.readOperation(probeId),
      table: () => first.index.byOperationId(probeId),
      hub: () =>
        hubs.length === 1
          ? first.context.hub.getDeviceStatistics()
          : Promise.any(hubs.map((hub) => hub.context.hub.getDeviceStatistics())),
    },
    { deadlineMs: deadlines.tryTimeoutMs + 500, reuseMs: 2_000, log },
  );
  await registerPublicRoutes(
    app,
    spa,
    options.staticDir,
    readiness,
    new Set(hubs.map((hub) => hub.id)),
  );
  registerHubListRoutes(app, hubs);
  const setupRuns = new Map(hubs.map((hub) => [hub.id, createSetupCheckRunner(hub.setupCheck)]));
  await registerHubScopedRoutes(app, hubs, (scope, hub) =>
    registerHubRoutes(
      scope,
      hub,
      setupRuns.get(hub.id) ?? createSetupCheckRunner(hub.setupCheck),
      hubs,
      options.auth.roles,
    ),
  );

  const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const background: HubBackground[] = hubs.map((hub) =>
    startHubBackground(hub, shared, {
      cleanup: {
        intervalMinutes:
          options.operationsIndex?.cleanupIntervalMinutes ?? DEFAULT_CLEANUP_INTERVAL_MINUTES,
        expiryHours:
          options.operationsIndex?.unstartedExpiryHours ?? DEFAULT_UNSTARTED_EXPIRY_HOURS,
      },
      ...(options.jobMonitor ? { jobMonitor: options.jobMonitor } : {}),
      ...(options.queueWorker ? { queueWorker: options.queueWorker } : {}),
    }),
  );
  if (options.setupCheck?.atStart)
    for (const hub of hubs)
      void runSetupCheck(hub.setupCheck, { dryJob: false })
        .then((result) => logSetupCheck(result, (entry) => log({ hubId: hub.id, ...entry })))
        .catch((error: unknown) =>
          log({
            level: 'warn',
            msg: 'setup check did not run',
            hubId: hub.id,
            error: String(error),
          }),
        );
  log({
    level: 'info',
    msg: 'proxy listening',
    url,
    hubHost: first.hostName,
    hubs: hubs.map((hub) => ({ id: hub.id, hostName: hub.hostName })),
    storage: options.storage.blobEndpoint,
  });
  return {
    url,
    checkSetup: (hubId) => {
      const hub = hubId === undefined ? first : hubs.find((candidate) => candidate.id === hubId);
      if (!hub) return Promise.reject(new Error(`no hub "${hubId ?? ''}"`));
      return runSetupCheck(hub.setupCheck, { dryJob: false });
    },
    async close() {
      await Promise.all(background.map((work) => work.stop()));
      await app.close();
      await agent.close();
      storageTls?.close();
    },
  };
}
