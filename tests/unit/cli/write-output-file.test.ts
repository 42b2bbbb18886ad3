import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../../src/cli/write-output-file';

describe('writeOutputFile', () => {
  it('writes under the real name only once everything is written', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'write-output-')), 'out.ndjson');
    await writeOutputFile(path, async (write) => {
      await write('a\n');
      expect(existsSync(path)).toBe(false);
      await write('b\n');
    });
    expect(readFileSync(path, 'utf8')).toBe('a\nb\n');
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('leaves no file at all when the producer fails', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'write-output-')), 'out.ndjson');
    await expect(
      writeOutputFile(path, async (write) => {
        await write('half\n');
        throw new Error('the input broke');
      }),
    ).rejects.toThrow('the input broke');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });
});
