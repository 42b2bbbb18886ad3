import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { copyConfigurations } from '../core/bulk/copy-configurations';
import { createHubDeviceCopy, type SkippedLine } from '../core/bulk/copy-hub-devices';
import { runExportPasses } from '../core/bulk/run-export-passes';
import type { CliResult } from './cli-result';
import type { CopyCommand } from './parse-copy-args';
import { writeOutputFile, type WriteLine } from './write-output-file';

export const readExport = (path: string) => (): AsyncIterable<string> =>
  createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>;

const reportLine = (outcome: 'skipped' | 'adjusted', s: SkippedLine): string =>
  `${JSON.stringify({ line: s.line, id: s.id, ...(s.moduleId === undefined ? {} : { moduleId: s.moduleId }), outcome, reason: s.reason })}\n`;

/**
 * Streams the export once per pass of the copy (src/core/bulk/copy-hub-devices.ts) into the import
 * file and the report of what was left out or adjusted; prints the counts by reason. Keys go to
 * the import file only, never to the output or the report.
 */
export async function runCopyCommand(cmd: CopyCommand): Promise<CliResult> {
  const copy = createHubDeviceCopy(cmd.mode);
  const out: string[] = [];
  try {
    await writeOutputFile(cmd.report, async (writeReport: WriteLine) => {
      await writeOutputFile(cmd.out, async (writeLine) => {
        await runExportPasses(
          readExport(cmd.export),
          copy,
          async (pass) => {
            for (const line of pass.lines) await writeLine(`${line}\n`);
            for (const s of pass.skipped) await writeReport(reportLine('skipped', s));
            for (const s of pass.notes) await writeReport(reportLine('adjusted', s));
          },
          { requireKeys: true },
        );
      });
    });
    const { devices, modules, skipped, notes } = copy.counts;
    out.push(
      `${devices + modules} lines written to ${cmd.out} (${cmd.mode}): ${devices} devices, ${modules} modules`,
    );
    for (const [reason, n] of skipped) out.push(`  ${n} left out: ${reason}`);
    for (const [reason, n] of notes) out.push(`  ${n} adjusted: ${reason}`);
    out.push(`  report: ${cmd.report}`);
    if (cmd.configurations && cmd.configurationsOut) {
      const copied = copyConfigurations(await readFile(cmd.configurations, 'utf8'));
      if (copied.problems.length > 0)
        throw new Error(
          `${cmd.configurations}: ${copied.problems.map((p) => `line ${p.line}: ${p.reason}`).join('; ')}`,
        );
      await writeOutputFile(cmd.configurationsOut, (write) => write(copied.text));
      out.push(
        `${copied.ids.length} configurations written to ${cmd.configurationsOut} (createOrUpdateIfMatchETag): import them with includeConfigurations`,
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
