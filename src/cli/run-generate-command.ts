import { randomFillSync } from 'node:crypto';
import { generateImportLines } from '../core/bulk/generate-devices';
import type { CliResult } from './cli-result';
import type { GenerateCommand } from './parse-generate-args';
import { writeOutputFile } from './write-output-file';

export async function runGenerateCommand(cmd: GenerateCommand): Promise<CliResult> {
  try {
    const randomBytes = (length: number): Uint8Array => randomFillSync(new Uint8Array(length));
    await writeOutputFile(cmd.out, async (write) => {
      for (const chunk of generateImportLines(cmd.spec, randomBytes)) await write(chunk);
    });
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `iot-bulk: ${(error as Error).message}` };
  }
  const keys = cmd.spec.keys === 'here' ? 'with new keys in the file' : 'keys left to the hub';
  return {
    exitCode: 0,
    stdout: `${cmd.spec.count.toLocaleString('en-US')} devices written to ${cmd.out} (${cmd.spec.mode}, ${keys})`,
    stderr: '',
  };
}
