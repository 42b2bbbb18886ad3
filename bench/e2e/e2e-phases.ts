import type { PageMarks, ResourceEdge } from './record-phases';

/** Seconds per phase of one journey, from the page's marks and its requests. */
export interface JourneyPhases {
  conversionS: number;
  /** Between the upload click and the create request: the wait for the checksums. */
  checksumsS: number;
  /** POST imports: the operation recorded, the upload grants returned. */
  createS: number;
  uploadS: number;
  /** Last block committed to the start answered: the queue, the proxy's own hash, the job call. */
  queueToStartS: number;
  /** Job started to "completed" shown (the job monitor's and the page's polling included). */
  importS: number;
  /** "completed" to the refused rows counted on the job page. */
  errorsCountS: number;
  /** The errors page opened to its counts shown (importErrors.log read in the worker). */
  errorsReadS: number;
  /** The bench's own reaction times, taken out of the totals below. */
  reactionS: number;
  dropToJobStartedS: number;
  dropToCompletedS: number;
  dropToErrorsReadS: number;
}

const IMPORTS = /\/api\/(hubs\/[^/]+\/)?imports$/;
const START = /\/api\/(hubs\/[^/]+\/)?imports\/[^/]+\/start$/;

function pathOf(url: string): string {
  return new URL(url).pathname;
}

function only(resources: ResourceEdge[], pattern: RegExp, what: string): ResourceEdge {
  const found = resources.filter((r) => pattern.test(pathOf(r.name)));
  if (found.length !== 1) throw new Error(`expected one ${what} request, saw ${found.length}`);
  return found[0] as ResourceEdge;
}

/** The block requests to storage: every request to the blob service's origin. */
export function blobRequests(resources: ResourceEdge[], blobEndpoint: string): ResourceEdge[] {
  const origin = new URL(blobEndpoint).origin;
  return resources.filter((r) => new URL(r.name).origin === origin);
}

export function journeyPhases(
  marks: PageMarks,
  resources: ResourceEdge[],
  blobEndpoint: string,
): JourneyPhases {
  const create = only(resources, IMPORTS, 'create-import');
  const start = only(resources, START, 'start-import');
  const blobs = blobRequests(resources, blobEndpoint);
  if (blobs.length === 0) throw new Error('no request to blob storage was seen');
  const uploadStart = Math.min(...blobs.map((b) => b.startTime));
  const uploadEnd = Math.max(...blobs.map((b) => b.responseEnd));
  const s = (ms: number): number => ms / 1000;
  const clickReaction = marks.click - marks.converted;
  const linkReaction = marks.errorsClick - marks.errorsCounted;
  const jobStarted = start.responseEnd;
  return {
    conversionS: s(marks.converted - marks.drop),
    checksumsS: s(create.startTime - marks.click),
    createS: s(create.responseEnd - create.startTime),
    uploadS: s(uploadEnd - uploadStart),
    queueToStartS: s(jobStarted - uploadEnd),
    importS: s(marks.completed - jobStarted),
    errorsCountS: s(marks.errorsCounted - marks.completed),
    errorsReadS: s(marks.errorsRead - marks.errorsClick),
    reactionS: s(clickReaction + linkReaction),
    dropToJobStartedS: s(jobStarted - marks.drop - clickReaction),
    dropToCompletedS: s(marks.completed - marks.drop - clickReaction),
    dropToErrorsReadS: s(marks.errorsRead - marks.drop - clickReaction - linkReaction),
  };
}
