import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CopyCounts, CopyMode } from '../../contracts/api/copies';
import { createHubDeviceCopy, type SkippedLine } from '../../core/bulk/copy-hub-devices';
import { runExportPasses } from '../../core/bulk/run-export-passes';
import { blobSink } from './blob-sink';

// The copy's rewrite in the proxy (docs/bulk-flows.md, "Copy a hub into another"): the source
// hub's export is read from storage once per pass of core's copy and the import lines stream into
// the target's devices.txt, blob to blob, so no key reaches a browser and no file is ever one
// string. The report of what was left out or adjusted names lines and ids, never a key.

export interface RewriteTargets {
  /** Opens the source export's devices.txt afresh (one read per pass). */
  readSource(): Promise<Readable>;
  writeImport(body: Readable): Promise<void>;
  writeReport(body: Readable): Promise<void>;
}

export interface RewriteResult {
  /** devices.txt as written: the start checks the frozen copy against these. */
  size: number;
  sha256: string;
  counts: CopyCounts;
}

const reportLine = (outcome: 'skipped' | 'adjusted', s: SkippedLine): string =>
  `${JSON.stringify({ line: s.line, id: s.id, ...(s.moduleId === undefined ? {} : { moduleId: s.moduleId }), outcome, reason: s.reason })}\n`;

export async function rewriteExportIntoImport(
  targets: RewriteTargets,
  mode: CopyMode,
): Promise<RewriteResult> {
  const copy = createHubDeviceCopy(mode);
  const devices = blobSink(targets.writeImport);
  const report = blobSink(targets.writeReport);
  const hash = createHash('sha256');
  let size = 0;
  const read = (): AsyncIterable<string> =>
    (async function* () {
      const stream = await targets.readSource();
      stream.setEncoding('utf8');
      for await (const chunk of stream) yield chunk as string;
    })();
  try {
    await runExportPasses(
      read,
      copy,
      async (pass) => {
        const text = pass.lines.length > 0 ? `${pass.lines.join('\n')}\n` : '';
        hash.update(text, 'utf8');
        size += Buffer.byteLength(text, 'utf8');
        await devices.write(text);
        await report.write(
          pass.skipped.map((s) => reportLine('skipped', s)).join('') +
            pass.notes.map((s) => reportLine('adjusted', s)).join(''),
        );
      },
      { requireKeys: true },
    );
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    await devices.fail(reason);
    await report.fail(reason);
    throw error;
  }
  await devices.end();
  await report.end();
  const { counts } = copy;
  return {
    size,
    sha256: hash.digest('hex'),
    counts: {
      devices: counts.devices,
      modules: counts.modules,
      skipped: Object.fromEntries(counts.skipped),
      adjusted: Object.fromEntries(counts.notes),
    },
  };
}
