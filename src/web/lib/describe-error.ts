import { isWorkerError } from '../workers/channel/worker-error';
import { isAbortError, isApiError } from './api-error';
import type { ErrorCode } from './api-error';
import { WORKER_FAILURE_WORDS } from './worker-failure-words';

/** What the user reads when something fails: what happened, why, and what to do next. */
export interface ErrorWords {
  title: string;
  why: string;
  action: string;
  /** The code shown beside the words; for a server code this build does not know, that code. */
  code: string;
  requestId?: string | undefined;
}

type Words = Omit<ErrorWords, 'code' | 'requestId'>;

// The one table from error codes to words (house style: the web maps codes to words in one place).
// Typed by the code unions, so a code added to the contract without words fails to compile.
export type WordedCode = ErrorCode | 'UPLOAD_REFUSED' | 'UPLOAD_FAILED' | 'ABORTED';
export const ERROR_WORDS: Readonly<Record<WordedCode, Words>> = {
  UNAUTHENTICATED: {
    title: 'You are signed out',
    why: 'Your sign-in expired or was not accepted by the server.',
    action: 'Sign in again, then repeat the action.',
  },
  SIGN_IN_REQUIRED: {
    title: 'Sign-in needed',
    why: 'Your session needs to be renewed before the console can call the server.',
    action: 'Sign in again; you will come back to this page.',
  },
  FORBIDDEN: {
    title: 'Not allowed for your role',
    why: 'This action needs the Admin role; your account does not have it.',
    action: 'Ask an administrator to run it, or to grant you the Admin role.',
  },
  VALIDATION_FAILED: {
    title: 'The request was rejected',
    why: 'The server found a value it does not accept.',
    action: 'Check the details below, correct the input and try again.',
  },
  NOT_FOUND: {
    title: 'Not found',
    why: 'The item does not exist, or it was removed.',
    action: 'Check the link, or open it again from the Jobs list.',
  },
  HUB_NOT_FOUND: {
    title: 'Hub not found',
    why: 'This console is not configured for that hub; the link may name a hub that was removed or renamed.',
    action: 'Pick a hub from the hub picker in the app bar.',
  },
  RATE_LIMITED: {
    title: 'Too many requests',
    why: 'The server is limiting how often it can be called.',
    action: 'Wait a few seconds and try again.',
  },
  PAYLOAD_TOO_LARGE: {
    title: 'Too large',
    why: 'The request is bigger than the server accepts.',
    action: 'Split the file into smaller files and import them one after another.',
  },
  JOB_SLOT_BUSY: {
    title: 'Another job is running',
    why: 'The IoT hub runs one import or export job at a time, and its slot is taken.',
    action: 'Wait for that job to finish (you can start automatically when it does), or cancel it.',
  },
  COMMAND_UNKNOWN: {
    title: 'No command to show',
    why: 'This job was not started by the console, so the console does not know which containers and options it was given (the hub does not say).',
    action: "Ask whoever started it, or look in the hub's activity log.",
  },
  JOB_NOT_FOUND: {
    title: 'Job not found',
    why: 'The hub does not know this job; it may be older than its 30-day history, or the link is wrong.',
    action: 'Open the Jobs list to find the operation.',
  },
  JOB_NOT_ACTIVE: {
    title: 'The job is no longer running',
    why: 'It finished or was cancelled before your request arrived.',
    action: 'Reload the page to see its final state.',
  },
  OPERATION_NOT_FOUND: {
    title: 'Import not found',
    why: 'The server has no record of this upload; it may have expired.',
    action: 'Start the import again from the file.',
  },
  UPLOAD_MISSING: {
    title: 'The upload is missing',
    why: 'The converted file did not arrive in storage before the job was started.',
    action: 'Upload again, then start the import.',
  },
  UPLOAD_EMPTY: {
    title: 'The uploaded file is empty',
    why: 'Storage holds a zero-byte file, so the hub would import nothing.',
    action: 'Check that the file has valid rows, then upload again.',
  },
  ALREADY_STARTED: {
    title: 'Already started',
    why: 'This import was started before (perhaps in another tab).',
    action: 'Open the Jobs list to follow it.',
  },
  START_IN_PROGRESS: {
    title: 'Being started',
    why: 'Another request (perhaps in another tab) is starting this import right now.',
    action: 'Wait a minute, then open the Jobs list to follow it.',
  },
  START_UNCERTAIN: {
    title: 'Not started again',
    why: 'An earlier start may have created a hub job, and the console cannot tell which one it was.',
    action:
      'Ask an administrator to check the hub jobs named in the details before starting again.',
  },
  CONVERTED_FILE_MISMATCH: {
    title: 'The uploaded file is not the converted file',
    why: 'The file in storage differs in size or content from the one this browser converted.',
    action: 'Start a new import and upload the file again.',
  },
  HUB_STORAGE_REJECTED: {
    title: 'The hub could not use storage',
    why: 'The IoT hub could not read or write the job’s storage container.',
    action: 'Ask an administrator to check the storage account settings, then try again.',
  },
  HUB_UNAUTHORIZED: {
    title: 'The hub refused the server',
    why: 'The server’s credentials for the IoT hub were not accepted.',
    action: 'Ask an administrator to check the hub connection string.',
  },
  HUB_THROTTLED: {
    title: 'The hub is throttling',
    why: 'The IoT hub is receiving too many requests right now.',
    action: 'Wait a minute and try again.',
  },
  HUB_UNAVAILABLE: {
    title: 'The hub is unavailable',
    why: 'The IoT hub did not answer, or answered that it is temporarily unavailable.',
    action: 'Try again in a few minutes.',
  },
  HUB_ERROR: {
    title: 'The hub reported an error',
    why: 'The IoT hub answered with an unexpected error.',
    action: 'Try again; if it keeps happening, report the request id below.',
  },
  AUTHORITY_UNAVAILABLE: {
    title: 'Sign-in service unreachable',
    why: 'The server could not reach the identity authority to check your sign-in.',
    action:
      'Try again in a minute; if it persists, ask an administrator to check the sign-in service.',
  },
  STORAGE_ERROR: {
    title: 'Storage error',
    why: 'Azure Storage did not accept the request.',
    action: 'Try again; if it keeps happening, report the request id below.',
  },
  QUERY_INVALID: {
    title: 'The hub cannot run this query',
    why: 'The hub refused the query.',
    action:
      "Correct the query in the hub's query language, for example SELECT * FROM devices WHERE status = 'disabled'.",
  },
  QUERY_THROTTLED: {
    title: 'The hub is throttling queries',
    why: 'The hub allows only so many query pages a minute, and that budget is used up for now.',
    action: 'Wait a minute and run the query again.',
  },
  QUERY_WITHOUT_DEVICE_IDS: {
    title: 'The query selects no devices',
    why: 'Its results have no deviceId (a count, or a projection without it), so there is nothing to act on.',
    action: 'Select * (or deviceId) from devices.',
  },
  BACKUP_EXPIRED: {
    title: 'The backup is no longer kept',
    why: 'Backup and undo files are kept for a limited time after an import, and this one has passed it.',
    action: 'Restore from a later export of the hub instead.',
  },
  SUPPORT_EXPORTS_DISABLED: {
    title: 'Exports are for admins here',
    why: 'Support staff cannot start exports on this console: an export holds the hub’s only job slot, and admins’ imports would wait behind it.',
    action: 'Open an export an admin made, or ask an admin to run one.',
  },
  SUPPORT_EXPORT_TOO_SOON: {
    title: 'A support export ran a moment ago',
    why: 'Support staff may start one export per hub every few minutes, so the hub’s job slot stays free for admins.',
    action: 'Use that export, or try again after the time the server names.',
  },
  ADMIN_OPERATION_PENDING: {
    title: 'An admin’s job comes first',
    why: 'A job is running on the hub, or an admin has an import waiting to start, and a support export would hold the slot it needs.',
    action: 'Try again once that job has finished.',
  },
  NOT_READY: {
    title: 'The console’s server is not ready',
    why: 'It cannot reach storage, the operations index or the hub right now.',
    action: 'Try again in a minute; if it keeps happening, tell the team that runs the console.',
  },
  QUEUE_DISABLED: {
    title: 'Queueing is not set up',
    why: 'This console’s server has no queue storage configured, so it cannot hold a job until the slot frees.',
    action:
      'Start the job once the running one has finished, or ask the team that runs the console to configure the queue.',
  },
  QUEUE_UNAVAILABLE: {
    title: 'The queue did not answer',
    why: 'The storage queue that holds waiting jobs could not be reached, so nothing was queued.',
    action: 'Try again in a minute; if it keeps happening, tell the team that runs the console.',
  },
  ALREADY_QUEUED: {
    title: 'Already queued',
    why: 'This import is already waiting in the queue (perhaps queued from another tab).',
    action: 'Follow it on its job page; it starts when its turn comes.',
  },
  QUEUE_ENTRY_NOT_FOUND: {
    title: 'No longer queued',
    why: 'The entry has left the queue: it started, or someone cancelled it.',
    action: 'Open the Jobs list to see where it went.',
  },
  QUEUE_ENTRY_STARTING: {
    title: 'Already being started',
    why: 'The queue is starting this job on the hub right now, so it can no longer be taken out.',
    action: 'Wait for it to appear as running, then cancel the job itself if needed.',
  },
  COPY_SAME_HUB: {
    title: 'Source and target are the same hub',
    why: 'A copy writes the devices of one hub into another; copying a hub into itself would change nothing.',
    action: 'Pick another target hub.',
  },
  COPY_SOURCE_NOT_FOUND: {
    title: 'Export not found',
    why: 'The hub has no export with this id; it may have been cleaned up or belong to another hub.',
    action: 'Export the hub with keys again, then start over from that export.',
  },
  COPY_SOURCE_NOT_READY: {
    title: 'The export has not finished',
    why: 'A copy or a delete-all reads a completed export; this one is still running, or failed or was cancelled.',
    action: 'Wait for the export to complete, or export the hub again.',
  },
  COPY_SOURCE_WITHOUT_KEYS: {
    title: 'The export has no keys',
    why: 'Copied or restored without keys, every device would get new keys and could not connect with the ones it has.',
    action: 'Export the hub again with keys (admins only), then start over from that export.',
  },
  COPY_SOURCE_UNREADABLE: {
    title: 'The export cannot be read',
    why: 'The export in storage is not a hub export (a line is not a device, module or configuration record).',
    action: 'Export the hub again and start over from the new export.',
  },
  COPY_NOT_FOUND: {
    title: 'Copy not found',
    why: 'This hub has no copy with this id; the link may name another hub or an operation that was cleaned up.',
    action: 'Open the copy again from the Copy page, or start a new one.',
  },
  COPY_IMPORT_NOT_DONE: {
    title: 'The copy has not been imported yet',
    why: 'The verification compares the target with the source after the import job has completed.',
    action: 'Start the import and wait for it to complete, then verify.',
  },
  DELETE_ALL_NOT_FOUND: {
    title: 'Delete all not found',
    why: 'This hub has no "delete all" operation with this id; the link may name another hub.',
    action: 'Open it again from the Jobs list, or start over from the overview.',
  },
  DELETE_ALL_NOT_DONE: {
    title: 'The devices have not been deleted yet',
    why: 'Configurations are deleted once the job that deletes the devices has completed.',
    action: 'Start the import and wait for it to complete, then delete the configurations.',
  },
  RUN_NOT_FOUND: {
    title: 'No such chunked import',
    why: 'The console has no chunked import with this id on this hub.',
    action: 'Open the Jobs list and follow one of its chunks from there.',
  },
  RUN_NOT_STOPPED: {
    title: 'Nothing to resume',
    why: 'No chunk of this import is stopped: it is still running, or it has finished.',
    action: 'Reload the page to see where each chunk stands.',
  },
  INTERNAL: {
    title: 'Server error',
    why: 'Something unexpected failed in the console’s server.',
    action: 'Try again; if it keeps happening, report the request id below.',
  },
  NETWORK_ERROR: {
    title: 'Cannot reach the server',
    why: 'The request did not get an answer: the network is down or the server is not running.',
    action: 'Check your connection, then try again.',
  },
  UNEXPECTED_RESPONSE: {
    title: 'Unexpected answer from the server',
    why: 'The server answered with something the console does not understand (a version mismatch or a proxy in the way).',
    action: 'Reload the page; if it persists, report it.',
  },
  UNKNOWN_SERVER_CODE: {
    title: 'The server reported an error this console does not know',
    why: 'The server answered with an error code that this version of the console has no words for; the server may be newer than the page.',
    action:
      'Reload the page and try again; if it keeps happening, report the code and request id below.',
  },
  UPLOAD_REFUSED: {
    title: 'Storage refused the upload',
    why: 'The upload link expired or does not allow this write (the SAS is valid for minutes and one blob only).',
    action: 'Upload again; a fresh link is requested each time.',
  },
  UPLOAD_FAILED: {
    title: 'The upload failed',
    why: 'Azure Storage did not accept the data, even after retries.',
    action:
      'Try again. If it keeps failing, check the network, or ask an administrator to check the storage account’s CORS settings.',
  },
  ABORTED: {
    title: 'Cancelled',
    why: 'You cancelled the operation.',
    action: 'Start it again when you are ready.',
  },
};

const FALLBACK: Words = {
  title: 'Something went wrong',
  why: 'An unexpected error occurred.',
  action: 'Try again; if it keeps happening, report the details below.',
};

export function wordsForCode(code: WordedCode): Words {
  return ERROR_WORDS[code];
}

export function describeError(error: unknown): ErrorWords {
  if (isAbortError(error)) return { ...wordsForCode('ABORTED'), code: 'ABORTED' };
  if (isApiError(error)) {
    const words = wordsForCode(error.code);
    // For validation errors the server's own message is the useful "why"; for a code this build
    // does not know, the message is all the console can pass on, with the code itself shown.
    if (error.code === 'UNKNOWN_SERVER_CODE') {
      const why = error.message ? `${words.why} The server said: ${error.message}` : words.why;
      return { ...words, why, code: error.serverCode ?? error.code, requestId: error.requestId };
    }
    // A query the hub cannot run is fixed with the hub's own words ("Invalid query: ...").
    const why =
      error.code === 'VALIDATION_FAILED' && error.message
        ? error.message
        : error.code === 'QUERY_INVALID' && error.message
          ? `${words.why} ${error.message}`
          : words.why;
    return { ...words, why, code: error.code, requestId: error.requestId };
  }
  if (isWorkerError(error)) {
    const words = WORKER_FAILURE_WORDS[error.code];
    // The browser's own reason for a file it cannot read is worth showing; other worker messages
    // are for the report only.
    const why =
      error.code === 'FILE_UNREADABLE' && error.message
        ? `${words.why} (${error.message})`
        : words.why;
    return { ...words, why, code: error.code };
  }
  const storageStatus =
    (error as { name?: unknown; statusCode?: unknown } | null)?.name === 'RestError'
      ? (error as { statusCode?: unknown }).statusCode
      : undefined;
  if (storageStatus !== undefined) {
    const code = storageStatus === 403 ? 'UPLOAD_REFUSED' : 'UPLOAD_FAILED';
    const words = wordsForCode(code);
    const status =
      typeof storageStatus === 'number' && storageStatus > 0
        ? ` Storage answered HTTP ${storageStatus}.`
        : '';
    return { ...words, why: words.why + status, code };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ...FALLBACK, why: message || FALLBACK.why, code: 'UNKNOWN' };
}
