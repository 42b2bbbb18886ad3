import type { RunChunk, RunResponse } from '../../../../contracts/api';
import { STATUS_WORDS } from '../../../lib/job-status-words';
import { formatCount } from '../../../lib/format';

// What a chunked import's page says about the run and each chunk (docs/import-wizard.md).

export const RUN_STATE_WORDS: Record<RunResponse['state'], string> = {
  running: 'Running',
  stopped: 'Stopped',
  completed: 'Completed',
};

export function chunkStateWords(chunk: RunChunk): string {
  switch (chunk.state) {
    case 'queued':
      return 'Waiting in the queue';
    case 'stopped':
      return 'Stopped';
    case 'failed-to-start':
      return 'Did not start';
    case 'started':
      return chunk.jobStatus ? STATUS_WORDS[chunk.jobStatus] : 'Started';
  }
}

/** "3 errors (60%)" for a counted chunk, "Counting…" for an ended one, else an empty string. */
export function chunkErrorWords(chunk: RunChunk): string {
  if (chunk.errorLineCount === null) return chunk.jobStatus === 'completed' ? 'Counting…' : '';
  const share = chunk.rows > 0 ? Math.round((chunk.errorLineCount / chunk.rows) * 1000) / 10 : 0;
  return `${formatCount(chunk.errorLineCount)} ${chunk.errorLineCount === 1 ? 'error' : 'errors'} (${share}%)`;
}

/** The first stopped chunk: where "Resume" goes on from. */
export function firstStoppedChunk(run: RunResponse): RunChunk | undefined {
  return run.chunks.find((chunk) => chunk.state === 'stopped');
}
