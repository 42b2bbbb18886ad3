import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConvertOptions } from '../../../../../src/core/convert/types';
import { runConversion } from '../../../../../src/web/workers/conversion/run-conversion';
import { inProcessConversionWorker } from '../../support/in-process-conversion-worker';

// runConversion and the conversion worker's session joined in process (the hashing falls back to
// this thread: Node has no Worker): the protocol end to end, zod on both sides.
const conversionWorker = inProcessConversionWorker();

const OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'createOrUpdate',
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  skipInvalid: true,
};
const CSV = 'deviceId,status\ndev-1,enabled\ndev-2,disabled\n,enabled\n';

describe('runConversion with the conversion worker', () => {
  it('gives the output, the report with its issues, then the checksums it asked for', async () => {
    const seen: number[] = [];
    const run = runConversion(
      new File([CSV], 'devices.csv'),
      OPTIONS,
      { onProgress: (p) => seen.push(p.bytesRead) },
      conversionWorker,
    );
    const outcome = await run.result;
    const output = new Uint8Array(await outcome.output.arrayBuffer());
    expect(new TextDecoder().decode(output).trim().split('\n')).toHaveLength(2);
    expect(outcome.report).toMatchObject({ valid: 2, invalid: 1 });
    expect(outcome.report.issues.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(CSV.length);
    expect(await outcome.checksums).toEqual({
      sourceSha256: createHash('sha256').update(CSV).digest('hex'),
      outputSha256: createHash('sha256').update(output).digest('hex'),
    });
  });

  it('rejects the result and the checksums as CANCELLED when cancelled before the end', async () => {
    const run = runConversion(
      new File([CSV], 'devices.csv'),
      OPTIONS,
      { onProgress: () => undefined },
      conversionWorker,
    );
    run.cancel();
    await expect(run.result).rejects.toMatchObject({ name: 'AbortError', code: 'CANCELLED' });
  });

  it('names an unreadable file FILE_UNREADABLE', async () => {
    const unreadable = new File([CSV], 'devices.csv');
    Object.defineProperty(unreadable, 'slice', {
      value: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    });
    // The pipe clones the File, so the failing read is the worker side's own File.
    const failing = inProcessConversionWorker(() => unreadable);
    const run = runConversion(unreadable, OPTIONS, { onProgress: () => undefined }, failing);
    await expect(run.result).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });
});
