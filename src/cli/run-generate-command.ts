import { randomFillSync } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { generateImportLines } from '../core/bulk/generate-devices';
import type { CliResult } from './cli-result';
import type { GenerateCommand } from './parse-generate-args';

/** Writes "<out>.partial" with back-pressure and renames it only once it is complete. */
export async function runGenerateCommand(cmd: GenerateCommand): Promise<CliResult> {
  const partial = `${cmd.out}.partial`;
  const out = createWriteStream(partial);
  try {
    const randomBytes = (length: number): Uint8Array => randomFillSync(new Uint8Array(length));
    for (const chunk of generateImportLines(cmd.spec, randomBytes))
      if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    await rename(partial, cmd.out);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    return { exitCode: 2, stdout: '', stderr: `iot-bulk: ${(error as Error).message}` };
  }
  const keys = cmd.spec.keys === 'here' ? 'with new keys in the file' : 'keys left to the hub';
  return {
    exitCode: 0,
    stdout: `${cmd.spec.count.toLocaleString('en-US')} devices written to ${cmd.out} (${cmd.spec.mode}, ${keys})`,
    stderr: '',
  };
}
