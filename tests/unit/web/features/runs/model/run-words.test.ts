import { describe, expect, it } from 'vitest';
import type { RunChunk, RunResponse } from '../../../../../../src/contracts/api';
import {
  chunkErrorWords,
  chunkStateWords,
  firstStoppedChunk,
} from '../../../../../../src/web/features/runs/model/run-words';

const chunk = (over: Partial<RunChunk>): RunChunk => ({
  chunk: 1,
  operationId: 'import-20260101-aaaaaaaaaa',
  rows: 5,
  state: 'started',
  jobId: 'job-1',
  jobStatus: 'completed',
  errorLineCount: 0,
  reason: null,
  ...over,
});

describe('run words', () => {
  it('names each chunk state, the job status once started', () => {
    expect(chunkStateWords(chunk({ state: 'queued', jobId: null, jobStatus: null }))).toBe(
      'Waiting in the queue',
    );
    expect(chunkStateWords(chunk({ state: 'stopped' }))).toBe('Stopped');
    expect(chunkStateWords(chunk({ state: 'failed-to-start' }))).toBe('Did not start');
    expect(chunkStateWords(chunk({ jobStatus: 'running' }))).toBe('Running');
  });

  it('gives the error share of a counted chunk, and says an ended one is being counted', () => {
    expect(chunkErrorWords(chunk({ errorLineCount: 4 }))).toBe('4 errors (80%)');
    expect(chunkErrorWords(chunk({ errorLineCount: 1, rows: 3 }))).toBe('1 error (33.3%)');
    expect(chunkErrorWords(chunk({ errorLineCount: null }))).toBe('Counting…');
    expect(chunkErrorWords(chunk({ errorLineCount: null, jobStatus: 'running' }))).toBe('');
  });

  it('resumes from the first stopped chunk', () => {
    const run = {
      chunks: [
        chunk({}),
        chunk({ chunk: 2, state: 'stopped' }),
        chunk({ chunk: 3, state: 'stopped' }),
      ],
    } as RunResponse;
    expect(firstStoppedChunk(run)?.chunk).toBe(2);
  });
});
