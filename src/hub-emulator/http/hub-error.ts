// The hub's own error catalogue (hub-protocol.md sec. 7.2). Handlers and the registry return or
// throw HubError values; only http/send-error.ts turns them into the wire envelope.
export const HUB_ERRORS = {
  InvalidProtocolVersion: { code: 400001, status: 400 },
  InvalidOperation: { code: 400003, status: 400 },
  ArgumentInvalid: { code: 400004, status: 400 },
  ArgumentNull: { code: 400005, status: 400 },
  IotHubFormatError: { code: 400006, status: 400 },
  BlobContainerValidationError: { code: 400008, status: 400 },
  DeviceDefinedMultipleTimes: { code: 400011, status: 400 },
  DeserializationError: { code: 400012, status: 400 },
  BulkRegistryOperationFailure: { code: 400013, status: 400 },
  IotHubUnauthorizedAccess: { code: 401002, status: 401 },
  IotHubQuotaExceeded: { code: 403002, status: 403 },
  // The number is disputed (403003 in the docs and SDK v1, 403001 in SDK v2); it never goes on the
  // wire for this error, only the name does (hub-recorded-evidence.md sec. 2).
  JobQuotaExceeded: { code: 403003, status: 403 },
  DeviceNotFound: { code: 404001, status: 404 },
  JobNotFound: { code: 404002, status: 404 },
  ModuleNotFound: { code: 404010, status: 404 },
  ConfigurationNotFound: { code: 404301, status: 404 },
  DeviceAlreadyExists: { code: 409001, status: 409 },
  ModuleAlreadyExistsOnDevice: { code: 409301, status: 409 },
  ConfigurationAlreadyExists: { code: 409401, status: 409 },
  PreconditionFailed: { code: 412001, status: 412 },
  TooManyDevices: { code: 413002, status: 413 },
  ServerError: { code: 500001, status: 500 },
  NotImplemented: { code: 501001, status: 501 },
} as const;

export type HubErrorName = keyof typeof HUB_ERRORS;

export class HubError extends Error {
  readonly errorName: HubErrorName;
  constructor(errorName: HubErrorName, message: string) {
    super(message);
    this.errorName = errorName;
  }
  get status(): number {
    return HUB_ERRORS[this.errorName].status;
  }
  get numericCode(): number {
    return HUB_ERRORS[this.errorName].code;
  }
}

export function hubError(errorName: HubErrorName, message: string): HubError {
  return new HubError(errorName, message);
}
