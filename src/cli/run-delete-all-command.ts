import { readFile } from 'node:fs/promises';
import { readConfigurations } from '../core/bulk/copy-configurations';
import { createDeleteAllDevices } from '../core/bulk/delete-all-devices';
import { runExportPasses } from '../core/bulk/run-export-passes';
import type { CliResult } from './cli-result';
import type { DeleteAllCommand } from './parse-delete-all-args';
import { readExport } from './run-copy-command';
import { writeOutputFile } from './write-output-file';

/** Streams the export once per pass of src/core/bulk/delete-all-devices.ts into the import file. */
export async function runDeleteAllCommand(cmd: DeleteAllCommand): Promise<CliResult> {
  const engine = createDeleteAllDevices();
  const out: string[] = [];
  try {
    await writeOutputFile(cmd.out, async (writeLine) => {
      await runExportPasses(readExport(cmd.export), engine, async (lines) => {
        for (const line of lines) await writeLine(`${line}\n`);
      });
    });
    const { devices, modules } = engine.counts;
    out.push(
      `${devices} delete lines written to ${cmd.out}; ${modules} modules go with their devices`,
    );
    if (cmd.configurations && cmd.configurationsOut) {
      const { configurations, problems } = readConfigurations(
        await readFile(cmd.configurations, 'utf8'),
      );
      if (problems.length > 0)
        throw new Error(
          `${cmd.configurations}: ${problems.map((p) => `line ${p.line}: ${p.reason}`).join('; ')}`,
        );
      await writeOutputFile(cmd.configurationsOut, (write) =>
        write(configurations.map((c) => `${c.id}\n`).join('')),
      );
      out.push(
        `${configurations.length} configuration ids written to ${cmd.configurationsOut}: delete them one by one (DELETE /configurations/{id}); an import cannot`,
      );
    }
  } catch (error) {
    return {
      exitCode: 2,
      stdout: '',
      stderr: `iot-bulk: ${cmd.export}: ${(error as Error).message}`,
    };
  }
  return { exitCode: 0, stdout: out.join('\n'), stderr: '' };
}
