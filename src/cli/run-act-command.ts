import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { selectionActionLine } from '../core/bulk/selection-action';
import { createExportParser } from '../core/registry/create-export-parser';
import type { CliResult } from './cli-result';
import type { ActCommand } from './parse-act-args';
import { writeOutputFile } from './write-output-file';

async function readIds(path: string): Promise<Set<string>> {
  const text = await readFile(path, 'utf8');
  return new Set(
    text
      .split(/\r?\n/)
      .map((id) => id.trim())
      .filter(Boolean),
  );
}

/**
 * Streams the export once, writing one line per selected entry (src/cli/write-output-file.ts);
 * prints the counts and every reason an entry was left out.
 */
export async function runActCommand(cmd: ActCommand): Promise<CliResult> {
  const skipped = new Map<string, number>();
  let written = 0;
  try {
    const ids = cmd.ids ? await readIds(cmd.ids) : undefined;
    await writeOutputFile(cmd.out, async (writeLine) => {
      const parser = createExportParser();
      const write = async (entries: ReturnType<typeof parser.push>): Promise<void> => {
        for (const entry of entries) {
          if (ids && !ids.has(entry.id)) continue;
          const result = selectionActionLine(cmd.action, entry);
          if ('skipped' in result) {
            skipped.set(result.skipped, (skipped.get(result.skipped) ?? 0) + 1);
            continue;
          }
          written++;
          await writeLine(result.line + '\n');
        }
      };
      for await (const chunk of createReadStream(cmd.registry, { encoding: 'utf8' }))
        await write(parser.push(chunk as string));
      await write(parser.end());
      const errors = parser.issues.issues.filter((issue) => issue.severity === 'error');
      if (errors.length > 0)
        throw new Error(
          `${cmd.registry} is not an export: ${errors
            .slice(0, 5)
            .map((issue) => issue.message)
            .join('; ')}`,
        );
    });
  } catch (error) {
    return { exitCode: 2, stdout: '', stderr: `iot-bulk: ${(error as Error).message}` };
  }
  const reasons = [...skipped].map(([reason, count]) => `  ${count} left out: ${reason}`);
  return {
    exitCode: 0,
    stdout: [`${written} lines written to ${cmd.out} (${cmd.action})`, ...reasons].join('\n'),
    stderr: '',
  };
}
