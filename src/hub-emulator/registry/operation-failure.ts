import type { HubErrorName } from '../http/hub-error';

// A registry rule broken by one operation, as data: an import job writes it to importErrors.log,
// a bulk call to errors[], a REST call throws it as the hub's error.
export interface OperationFailure {
  errorName: HubErrorName;
  message: string;
}

export function isFailure(value: object): value is OperationFailure {
  return 'errorName' in value;
}
