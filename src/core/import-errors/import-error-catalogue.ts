// Every hub error code a person using this console can meet
// (docs/reference/hub-wire-contract.md#import-error-log, #error-codes), in plain language.
// `inImportLog` marks the codes that appear per line in importErrors.log; the rest come back from
// API calls (job create, registry, throttling). The codes only the SDKs' tables list (400002 ...
// 500002, docs/reference/hub-wire-contract.md#later-public-reports) are here too: never seen in a
// real import log, but named in words if the hub ever sends one. The one place codes become words.
export interface ImportErrorInfo {
  code: number;
  name: string;
  meaning: string;
  whatToDo: string;
  inImportLog: boolean;
}

const entries: ImportErrorInfo[] = [
  {
    code: 400001,
    name: 'InvalidProtocolVersion',
    meaning: 'The hub did not accept the API version of the request.',
    whatToDo: 'Update the console; this is not caused by your file.',
    inImportLog: false,
  },
  {
    code: 400003,
    name: 'InvalidOperation',
    meaning: 'The hub refused the operation for this device as asked.',
    whatToDo:
      'Check the import mode of the row; for example, twin updates need an existing device.',
    inImportLog: true,
  },
  {
    code: 400004,
    name: 'ArgumentInvalid',
    meaning:
      'A value in the row is not acceptable: a key of the wrong length, a bad thumbprint, an invalid id, or a twin key or depth the hub refuses.',
    whatToDo: 'Fix the value named in the message and import the row again.',
    inImportLog: true,
  },
  {
    code: 400005,
    name: 'ArgumentNull',
    meaning: 'A value the hub needs is missing from the row.',
    whatToDo: 'Fill in the missing field (often the id or status) and import again.',
    inImportLog: true,
  },
  {
    code: 400006,
    name: 'IotHubFormatError',
    meaning: 'The hub could not read the request body as JSON.',
    whatToDo: 'Convert the file again with this console; do not edit the converted file by hand.',
    inImportLog: false,
  },
  {
    code: 400008,
    name: 'BlobContainerValidationError',
    meaning: 'The hub could not reach the storage container for the import or export.',
    whatToDo:
      'Ask an administrator to check the storage account and its access settings; nothing was imported.',
    inImportLog: false,
  },
  {
    code: 400011,
    name: 'DeviceDefinedMultipleTimes',
    meaning: 'The same device id appears more than once in one request.',
    whatToDo: 'Remove the duplicate rows so each device appears once.',
    inImportLog: true,
  },
  {
    code: 400012,
    name: 'DeserializationError',
    meaning:
      'The hub could not read this line of the import file (for example an unknown authentication type).',
    whatToDo: 'Correct the value quoted in the message, convert again and retry the row.',
    inImportLog: true,
  },
  {
    code: 400013,
    name: 'BulkRegistryOperationFailure',
    meaning: 'Some devices of a bulk request failed while others succeeded.',
    whatToDo: 'Look at the errors of the individual devices and retry only those.',
    inImportLog: false,
  },
  {
    code: 401002,
    name: 'IotHubUnauthorizedAccess',
    meaning: 'The hub refused the credentials used for the request.',
    whatToDo:
      "Sign in again; if it persists, ask an administrator to check the console's hub permissions.",
    inImportLog: false,
  },
  {
    code: 403001,
    name: 'IotHubSuspended or JobQuotaExceeded',
    meaning:
      'The hub is suspended, or another import/export job is still running (the hub runs one at a time).',
    whatToDo:
      'Wait for the running job to finish, then start again; if the hub is suspended, contact its owner.',
    inImportLog: false,
  },
  {
    code: 403002,
    name: 'IotHubQuotaExceeded',
    meaning:
      'The hub is at its device limit, so this device could not be added. This can happen near the cap even when the count looks lower.',
    whatToDo:
      'Retry these devices individually rather than with another job, or ask for a higher tier or limit.',
    inImportLog: true,
  },
  {
    code: 403003,
    name: 'JobQuotaExceeded',
    meaning: 'Another import or export job is already running on this hub.',
    whatToDo: 'Wait until it finishes; the hub allows one import/export job at a time.',
    inImportLog: false,
  },
  {
    code: 404001,
    name: 'DeviceNotFound',
    meaning: 'The device does not exist in the hub, so it could not be updated or deleted.',
    whatToDo:
      'Retry the row with a mode that creates devices (create or createOrUpdate), or drop it if the device was removed on purpose.',
    inImportLog: true,
  },
  {
    code: 404002,
    name: 'JobNotFound',
    meaning: 'The job is not known to the hub (jobs are kept for 30 days).',
    whatToDo: 'Refresh the job list; start a new job if needed.',
    inImportLog: false,
  },
  {
    code: 404010,
    name: 'ModuleNotFound',
    meaning: 'The module does not exist on that device.',
    whatToDo: 'Create the module first, or retry the row with a creating mode.',
    inImportLog: true,
  },
  {
    code: 404301,
    name: 'ConfigurationNotFound',
    meaning: 'The configuration does not exist.',
    whatToDo: 'Check the configuration name.',
    inImportLog: false,
  },
  {
    code: 409001,
    name: 'DeviceAlreadyExists',
    meaning: 'A device with this id is already registered, and the row used mode create.',
    whatToDo:
      'Drop the row if the device is already right, or retry it with updateTwin to apply its tags and desired properties while the device keeps its keys. createOrUpdate replaces the device and, without keys in the row, gives it new ones.',
    inImportLog: true,
  },
  {
    code: 409104,
    name: 'JobAlreadyExists',
    meaning: 'A job with the same id already exists.',
    whatToDo: 'Start the job again; a new id is used.',
    inImportLog: false,
  },
  {
    code: 409301,
    name: 'ModuleAlreadyExistsOnDevice',
    meaning: 'The module already exists on that device, and the row used mode create.',
    whatToDo:
      'Drop the row, or retry it with updateTwin to apply its twin while the module keeps its keys.',
    inImportLog: true,
  },
  {
    code: 409401,
    name: 'ConfigurationAlreadyExists',
    meaning: 'A configuration with that name already exists.',
    whatToDo: 'Use another name or update the existing configuration.',
    inImportLog: false,
  },
  {
    code: 412001,
    name: 'PreconditionFailed',
    meaning:
      'The eTag in the row no longer matches the device (it changed since the export), so the hub did not touch it.',
    whatToDo:
      'Export again to get fresh eTags, or retry without the IfMatchETag mode if overwriting is intended.',
    inImportLog: true,
  },
  {
    code: 413002,
    name: 'TooManyDevices',
    meaning: 'A bulk request had more than 100 devices.',
    whatToDo: 'Use an import job for large lists; this console does that for you.',
    inImportLog: false,
  },
  {
    code: 429001,
    name: 'ThrottlingException',
    meaning: 'The hub is throttling requests.',
    whatToDo: 'Wait a little and retry; large changes are best done as import jobs.',
    inImportLog: true,
  },
  {
    code: 429002,
    name: 'ThrottleBacklogLimitExceeded',
    meaning: "The hub's queue of throttled requests is full.",
    whatToDo: 'Wait and retry later.',
    inImportLog: true,
  },
  {
    code: 429003,
    name: 'ThrottlingBacklogTimeout',
    meaning: "A throttled request waited too long in the hub's queue.",
    whatToDo: 'Wait about 10 seconds and retry.',
    inImportLog: true,
  },
  {
    code: 429004,
    name: 'ThrottlingMaxActiveJobCountExceeded',
    meaning: 'Too many jobs are active on the hub.',
    whatToDo: 'Wait for running jobs to finish.',
    inImportLog: false,
  },
  {
    code: 500001,
    name: 'ServerError',
    meaning: 'The hub had an internal error for this device.',
    whatToDo: 'Retry the failed rows; it is usually temporary.',
    inImportLog: true,
  },
  {
    code: 503001,
    name: 'ServiceUnavailable',
    meaning: 'The hub was temporarily unavailable.',
    whatToDo: 'Retry the failed rows in a few minutes.',
    inImportLog: true,
  },
  {
    code: 400002,
    name: 'DeviceInvalidResultCount',
    meaning: 'The hub returned a different number of results than it was asked for.',
    whatToDo:
      'Retry the operation; if it repeats, export the registry and compare before importing again.',
    inImportLog: false,
  },
  {
    code: 400007,
    name: 'DeviceStorageEntitySerializationError',
    meaning:
      'The hub could not read the file it was given from storage. A blob-scoped SAS where a container SAS is needed is the usual cause.',
    whatToDo:
      'Ask an administrator to check the storage setup (a container SAS, or the storage role of the hub identity); nothing was imported.',
    inImportLog: false,
  },
  {
    code: 400009,
    name: 'ImportWarningExistsError',
    meaning: 'The hub finished with warnings for some rows.',
    whatToDo: 'Read the error log for the rows it names; the other rows were imported.',
    inImportLog: true,
  },
  {
    code: 400010,
    name: 'InvalidSchemaVersion',
    meaning: 'The hub did not accept the schema version of the request.',
    whatToDo: 'Update the console; this is not caused by your file.',
    inImportLog: false,
  },
  {
    code: 400301,
    name: 'CannotRegisterModuleToModule',
    meaning: 'A module was declared as belonging to another module.',
    whatToDo: 'Give the module row the id of its device, not of a module, and import it again.',
    inImportLog: true,
  },
  {
    code: 403004,
    name: 'DeviceMaximumQueueDepthExceeded',
    meaning: 'The device has too many messages waiting in its queue.',
    whatToDo: 'Let the device read its messages or purge its queue, then retry.',
    inImportLog: false,
  },
  {
    code: 403005,
    name: 'IotHubMaxCbsTokenExceeded',
    meaning: 'Too many connections authenticated to the hub at once.',
    whatToDo: 'Wait a minute and retry; reduce the number of tools connected to this hub.',
    inImportLog: false,
  },
  {
    code: 404003,
    name: 'PartitionNotFound',
    meaning: 'The hub could not find the partition the request needed.',
    whatToDo: 'Retry later; if it repeats, the hub may be reconfiguring.',
    inImportLog: false,
  },
  {
    code: 413003,
    name: 'TooManyModulesOnDevice',
    meaning: 'The device already has the most modules the hub allows.',
    whatToDo: 'Remove modules the device no longer needs, then import the row again.',
    inImportLog: true,
  },
  {
    code: 500002,
    name: 'JobCancelled',
    meaning: 'The job was cancelled before it finished.',
    whatToDo: 'Start the import again for the rows that were not processed.',
    inImportLog: false,
  },
];

export const IMPORT_ERROR_CATALOGUE: ReadonlyMap<number, ImportErrorInfo> = new Map(
  entries.map((e) => [e.code, e]),
);

/**
 * The catalogue entry for a code, or a generic entry naming the HTTP class for codes we do not
 * know.
 */
export function describeImportError(code: number | null): ImportErrorInfo {
  const known = code === null ? undefined : IMPORT_ERROR_CATALOGUE.get(code);
  if (known) return known;
  const transient = code !== null && code >= 500000;
  return {
    code: code ?? 0,
    name: 'Unknown',
    meaning:
      code === null
        ? 'The log line could not be read.'
        : `The hub reported error ${code}, which this console does not know.`,
    whatToDo: transient
      ? 'Retry the failed rows; server errors are usually temporary.'
      : 'Read the message from the hub; fix the row and retry it.',
    inImportLog: true,
  };
}
