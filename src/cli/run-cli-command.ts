import { randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createConversion } from '../core/convert/create-conversion';
import type { ConversionReport } from '../core/convert/types';
import type { CliResult } from './cli-result';
import type { CliCommand, ConvertCommand } from './parse-cli-args';
import { readMappingFile } from './read-mapping-file';
import { runDiffCommand } from './run-diff-command';
import { runGenerateCommand } from './run-generate-command';
import { runActCommand } from './run-act-command';
import { runCopyCommand } from './run-copy-command';
import { runDeleteAllCommand } from './run-delete-all-command';
import { runVerifyCopyCommand } from './run-verify-copy-command';
import { isPlanCommand, runPlanOrUndoCommand } from './run-plan-or-undo-command';

export type { CliResult };

// Conversion does not wait for each chunk to reach the disk: up to this much output may be queued
// while the next chunk converts (a chunk of output is about 2.5 MB).
const WRITE_BUFFER = 8 * 1024 * 1024;

async function drainTo(
  stream: WriteStream | undefined,
  parts: Array<string | Uint8Array>,
): Promise<void> {
  if (!stream || parts.length === 0) return;
  let ready = true;
  for (const part of parts) ready = stream.write(part);
  parts.length = 0;
  if (!ready) await once(stream, 'drain');
}

async function close(stream: WriteStream | undefined): Promise<void> {
  if (!stream) return;
  stream.end();
  await once(stream, 'finish');
}

function summary(report: ConversionReport): string {
  return `${report.format}: ${report.total} records, ${report.valid} valid, ${report.invalid} invalid, ${report.blank} blank`;
}

export function runCliCommand(cmd: CliCommand): Promise<CliResult> {
  if (isPlanCommand(cmd)) return runPlanOrUndoCommand(cmd);
  if (cmd.command === 'generate') return runGenerateCommand(cmd);
  if (cmd.command === 'act') return runActCommand(cmd);
  if (cmd.command === 'copy') return runCopyCommand(cmd);
  if (cmd.command === 'verify-copy') return runVerifyCopyCommand(cmd);
  if (cmd.command === 'delete-all') return runDeleteAllCommand(cmd);
  return cmd.command === 'diff' ? runDiffCommand(cmd) : runConvertCommand(cmd);
}

/**
 * Streams the input through core; output goes to "<out>.partial" and is renamed only when it is to
 * be kept.
 */
async function runConvertCommand(cmd: ConvertCommand): Promise<CliResult> {
  const options = { ...cmd.options };
  if (cmd.map) {
    try {
      options.mapping = await readMappingFile(cmd.map);
    } catch (error) {
      return { exitCode: 2, stdout: '', stderr: (error as Error).message };
    }
  }
  const outPartial = cmd.out ? `${cmd.out}.partial` : undefined;
  const keysPartial = cmd.keys ? `${cmd.keys}.partial` : undefined;
  const out = outPartial
    ? createWriteStream(outPartial, { highWaterMark: WRITE_BUFFER })
    : undefined;
  const keys = keysPartial ? createWriteStream(keysPartial) : undefined;
  const outParts: Uint8Array[] = [];
  const keyParts: string[] = [];
  const session = createConversion(
    options,
    { onOutput: (bytes) => outParts.push(bytes), onKeys: (text) => keyParts.push(text) },
    { randomBytes: (length) => randomFillSync(new Uint8Array(length)) },
  );
  let report: ConversionReport;
  try {
    for await (const chunk of createReadStream(cmd.input, { highWaterMark: 1024 * 1024 })) {
      session.push(chunk as Uint8Array);
      await drainTo(out, outParts);
      await drainTo(keys, keyParts);
    }
    report = session.finish();
    await drainTo(out, outParts);
    await drainTo(keys, keyParts);
  } catch (error) {
    await Promise.all([close(out), close(keys)]);
    await Promise.all(
      [outPartial, keysPartial].map((p) => (p ? rm(p, { force: true }) : undefined)),
    );
    return {
      exitCode: 2,
      stdout: '',
      stderr: `cannot read ${cmd.input}: ${(error as Error).message}`,
    };
  }
  await Promise.all([close(out), close(keys)]);
  const keep = report.written === true;
  if (outPartial && cmd.out)
    await (keep ? rename(outPartial, cmd.out) : rm(outPartial, { force: true }));
  if (keysPartial && cmd.keys)
    await (keep ? rename(keysPartial, cmd.keys) : rm(keysPartial, { force: true }));
  if (cmd.report) await writeFile(cmd.report, JSON.stringify(report, null, 2) + '\n');
  if (report.fileError) {
    const where =
      report.fileError.line && !report.fileError.message.includes('line ')
        ? ` (line ${report.fileError.line}${report.fileError.column ? `, column ${report.fileError.column}` : ''})`
        : '';
    // No devices is a content problem like invalid rows (1), not an unreadable file (2).
    const exitCode = report.fileError.code === 'NO_DEVICES' ? 1 : 2;
    return { exitCode, stdout: '', stderr: `${cmd.input}: ${report.fileError.message}${where}` };
  }
  const devices = `${report.valid} ${report.valid === 1 ? 'device' : 'devices'}`;
  const written = keep && cmd.out ? `; wrote ${devices} to ${cmd.out}` : '';
  const firstErrors = report.issues.filter((i) => i.severity === 'error').slice(0, 10);
  const stderr = firstErrors
    // One numbering, the console's: the physical line of the file (header = line 1).
    .map((i) => `line ${i.line} ${i.field}: ${i.code} ${i.message}`)
    .join('\n');
  return { exitCode: report.invalid > 0 ? 1 : 0, stdout: summary(report) + written, stderr };
}
