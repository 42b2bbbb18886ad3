import type { GenerateSpec } from '../../../../core/bulk/generate-devices';
import { generateImportLines } from '../../../../core/bulk/generate-devices';
import { formatCount, plural } from '../../../lib/format';

export interface BuildGeneratedFileOptions {
  /** crypto.getRandomValues in the page; a test passes its own. */
  randomBytes: (length: number) => Uint8Array;
  onProgress?: (linesWritten: number) => void;
  signal?: AbortSignal;
}

// A million lines are a few hundred megabytes: the file is a Blob of the generator's batches (one
// part per 10,000 lines), never one string, and the page's thread is given back between batches so
// the progress bar moves and the tab stays responsive.
const LINES_PER_PART = 10_000;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The import NDJSON of a spec that readGenerateForm accepted. */
export async function buildGeneratedFile(
  spec: GenerateSpec,
  options: BuildGeneratedFileOptions,
): Promise<File> {
  // Each batch becomes its own Blob at once, so the browser can move it out of the script's heap.
  const parts: Blob[] = [];
  let written = 0;
  for (const part of generateImportLines(spec, options.randomBytes, LINES_PER_PART)) {
    options.signal?.throwIfAborted();
    parts.push(new Blob([part]));
    written = Math.min(spec.count, written + LINES_PER_PART);
    options.onProgress?.(written);
    await yieldToPage();
  }
  return new File(parts, generatedFileName(spec), { type: 'application/x-ndjson' });
}

/** For example `generated-sensor-n6-25.ndjson`: the pattern without its braces, and the count. */
export function generatedFileName(spec: GenerateSpec): string {
  const stem = spec.pattern
    .replace(/\{n(?::(\d+))?\}/, (_, width: string | undefined) => `n${width ?? ''}`)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `generated-${stem || 'devices'}-${spec.count}.ndjson`;
}

/** The hand-off's words above the wizard: what was generated and how. */
export function generatedReason(spec: GenerateSpec): string {
  const keys =
    spec.keys === 'hub'
      ? 'the hub creates their keys'
      : 'with keys generated in this browser (the file holds them: keep it private)';
  const twin = [
    spec.tags ? plural(Object.keys(spec.tags).length, 'tag', 'tags') : '',
    spec.desired
      ? plural(Object.keys(spec.desired).length, 'desired property', 'desired properties')
      : '',
  ].filter(Boolean);
  return (
    `${plural(spec.count, 'test device', 'test devices')} generated from pattern "${spec.pattern}" ` +
    `starting at ${formatCount(spec.start)}, ${spec.status}, ${keys}` +
    (twin.length > 0 ? `, with ${twin.join(' and ')}` : '') +
    `. Mode ${spec.mode}: review the plan before you upload.`
  );
}
