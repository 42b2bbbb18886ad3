// The hub's own error catalogue (docs/reference/hub-wire-contract.md#error-codes,
// #later-public-reports). Handlers and the registry return or throw HubError values; only
// http/send.ts turns them into the wire envelope. Codes marked "catalogue only" are known so that
// nothing mislabels them, but no emulator path produces them: the reference names no situation in
// which the service returns them.
export const HUB_ERRORS = {
  InvalidProtocolVersion: { code: 400001, status: 400 },
  DeviceInvalidResultCount: { code: 400002, status: 400 }, // catalogue only
  InvalidOperation: { code: 400003, status: 400 },
  ArgumentInvalid: { code: 400004, status: 400 },
  ArgumentNull: { code: 400005, status: 400 },
  IotHubFormatError: { code: 400006, status: 400 },
  DeviceStorageEntitySerializationError: { code: 400007, status: 400 }, // catalogue only
  BlobContainerValidationError: { code: 400008, status: 400 },
  ImportWarningExistsError: { code: 400009, status: 400 }, // catalogue only
  InvalidSchemaVersion: { code: 400010, status: 400 }, // catalogue only
  DeviceDefinedMultipleTimes: { code: 400011, status: 400 },
  DeserializationError: { code: 400012, status: 400 },
  BulkRegistryOperationFailure: { code: 400013, status: 400 },
  CannotRegisterModuleToModule: { code: 400301, status: 400 }, // catalogue only
  IotHubUnauthorizedAccess: { code: 401002, status: 401 },
  // Entra principals without a data-plane role
  // (docs/reference/hub-wire-contract.md#later-public-reports quotes the body).
  IotHubUnauthorized: { code: 401003, status: 401 },
  IotHubSuspended: { code: 403001, status: 403 }, // catalogue only
  IotHubQuotaExceeded: { code: 403002, status: 403 },
  // The number is disputed (403003 in the docs and SDK v1, 403001 in SDK v2); it never goes on the
  // wire for this error, only the name does (docs/reference/hub-wire-contract.md#recorded-traffic).
  JobQuotaExceeded: { code: 403003, status: 403 },
  DeviceMaximumQueueDepthExceeded: { code: 403004, status: 403 }, // catalogue only
  IotHubMaxCbsTokenExceeded: { code: 403005, status: 403 }, // catalogue only
  DeviceNotFound: { code: 404001, status: 404 },
  JobNotFound: { code: 404002, status: 404 },
  PartitionNotFound: { code: 404003, status: 404 }, // catalogue only
  ModuleNotFound: { code: 404010, status: 404 },
  ConfigurationNotFound: { code: 404301, status: 404 },
  DeviceAlreadyExists: { code: 409001, status: 409 },
  ModuleAlreadyExistsOnDevice: { code: 409301, status: 409 },
  ConfigurationAlreadyExists: { code: 409401, status: 409 },
  PreconditionFailed: { code: 412001, status: 412 },
  TooManyDevices: { code: 413002, status: 413 },
  TooManyModulesOnDevice: { code: 413003, status: 413 }, // catalogue only
  ThrottlingException: { code: 429001, status: 429 },
  ThrottleBacklogLimitExceeded: { code: 429002, status: 429 }, // catalogue only
  // The Java SDK calls 429003 InvalidThrottleParameter; clients should key off the name
  // (docs/reference/hub-wire-contract.md#later-public-reports).
  ThrottlingBacklogTimeout: { code: 429003, status: 429 },
  ThrottlingMaxActiveJobCountExceeded: { code: 429004, status: 429 }, // catalogue only
  ServerError: { code: 500001, status: 500 },
  JobCancelled: { code: 500002, status: 500 }, // catalogue only
  NotImplemented: { code: 501001, status: 501 },
  ServiceUnavailable: { code: 503001, status: 503 }, // catalogue only
} as const;

export type HubErrorName = keyof typeof HUB_ERRORS;

export class HubError extends Error {
  readonly errorName: HubErrorName;
  /** Response headers this error adds (a 429's Retry-After and Connection). */
  readonly headers: Record<string, string>;
  constructor(errorName: HubErrorName, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.errorName = errorName;
    this.headers = headers;
  }
  get status(): number {
    return HUB_ERRORS[this.errorName].status;
  }
  get numericCode(): number {
    return HUB_ERRORS[this.errorName].code;
  }
}

export function hubError(
  errorName: HubErrorName,
  message: string,
  headers?: Record<string, string>,
): HubError {
  return new HubError(errorName, message, headers);
}
