import { FromDiffWorker, ToDiffWorker } from '../../../contracts/worker/diff-messages';
import { FromBrowseWorker, ToBrowseWorker } from '../../../contracts/worker/browse-messages';
import { createBrowseSession } from './browse-session';
import { createDiffSession } from '../diff/diff-session';

// The worker shell: validate each message, hand it to the browse or the diff session, validate what
// goes back. A page uses one worker for one job (browsing one export, or one diff).
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

const browse = createBrowseSession((message) => scope.postMessage(FromBrowseWorker.parse(message)));
const diff = createDiffSession((message) => scope.postMessage(FromDiffWorker.parse(message)));

scope.addEventListener('message', (event) => {
  const asBrowse = ToBrowseWorker.safeParse(event.data);
  if (asBrowse.success) {
    try {
      browse(asBrowse.data);
    } catch (error) {
      const requestId = 'requestId' in asBrowse.data ? asBrowse.data.requestId : undefined;
      scope.postMessage({
        type: 'browse-failed',
        requestId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    return;
  }
  const asDiff = ToDiffWorker.safeParse(event.data);
  if (asDiff.success) {
    void diff(asDiff.data);
    return;
  }
  scope.postMessage({
    type: 'browse-failed',
    message: `The worker did not understand a message: ${asDiff.error.message}`,
  });
});
