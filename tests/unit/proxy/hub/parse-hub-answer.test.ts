import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HubRequestError } from '../../../../src/proxy/hub/hub-errors';
import { parseHubAnswer } from '../../../../src/proxy/hub/parse-hub-answer';

describe('a hub answer against its schema', () => {
  const Job = z.object({ jobId: z.string() });

  it('gives the parsed answer', () => {
    expect(parseHubAnswer(Job, { jobId: 'j1', extra: 1 })).toEqual({ jobId: 'j1' });
  });

  it('turns another shape into a 502 UnexpectedResponse', () => {
    let thrown: unknown;
    try {
      parseHubAnswer(Job, { id: 'j1' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HubRequestError);
    expect(thrown).toMatchObject({ status: 502, hubCode: 'UnexpectedResponse' });
  });
});
