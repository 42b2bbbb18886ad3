import { createReadStream } from 'node:fs';
import { createConversion } from '../core/convert/create-conversion';
import { detectFormat } from '../core/convert/detect-format';
import type { ConversionReport, InputFormat } from '../core/convert/types';
import {
  createSnapshotBuilder,
  type RegistrySnapshot,
  type SnapshotBuilder,
} from '../core/registry';

export type DiffInputKind = 'export' | Exclude<InputFormat, 'ndjson'>;

export interface DiffInput {
  kind: DiffInputKind;
  snapshot: RegistrySnapshot;
}

interface InputReader {
  push(bytes: Uint8Array): void;
  finish(): RegistrySnapshot;
}

// Two whole lines tell an export (an optional warning line, then a JSON object) from a CSV or JSON
// list.
const GUESS_CHARS = 64 * 1024;

/**
 * Reads one side of a diff as a stream. NDJSON (a hub export or an import file) goes straight into
 * core's snapshot; a CSV or JSON device list is converted by core first, its import lines fed into
 * the same snapshot as they come, so neither form is ever held whole. Throws a message for the
 * user.
 */
export async function readDiffInput(path: string): Promise<DiffInput> {
  const pending: Uint8Array[] = [];
  const headDecoder = new TextDecoder('utf-8');
  let head = '';
  let kind: DiffInputKind | undefined;
  let reader: InputReader | undefined;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      const bytes = chunk as Uint8Array;
      if (reader !== undefined) {
        reader.push(bytes);
        continue;
      }
      pending.push(bytes);
      head += headDecoder.decode(bytes, { stream: true });
      if (!enoughToGuess(head)) continue;
      kind = guessKind(head);
      reader = openReader(kind);
      for (const p of pending.splice(0)) reader.push(p);
    }
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (reader === undefined || kind === undefined) {
    kind = guessKind(head + headDecoder.decode());
    reader = openReader(kind);
    for (const p of pending.splice(0)) reader.push(p);
  }
  try {
    return { kind, snapshot: reader.finish() };
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

function enoughToGuess(text: string): boolean {
  const first = text.indexOf('\n');
  return text.length >= GUESS_CHARS || (first !== -1 && text.indexOf('\n', first + 1) !== -1);
}

// An empty file is an empty registry (an export of a hub without devices), not a conversion error.
function guessKind(head: string): DiffInputKind {
  if (head.trim() === '') return 'export';
  const format = detectFormat(head);
  return format === 'ndjson' ? 'export' : format;
}

function openReader(kind: DiffInputKind): InputReader {
  const builder = createSnapshotBuilder();
  return kind === 'export' ? exportReader(builder) : conversionReader(kind, builder);
}

function exportReader(builder: SnapshotBuilder): InputReader {
  const decoder = new TextDecoder('utf-8');
  return {
    push: (bytes) => builder.push(decoder.decode(bytes, { stream: true })),
    finish() {
      const tail = decoder.decode();
      if (tail) builder.push(tail);
      return builder.finish();
    },
  };
}

// Hub-generated keys and "create" mode: the list is read as the registry it would make, no keys
// invented.
function conversionReader(
  format: Exclude<InputFormat, 'ndjson'>,
  builder: SnapshotBuilder,
): InputReader {
  // Output arrives in whole lines, so no character is split across two pieces; the streaming
  // decoder is a belt and braces.
  const decoder = new TextDecoder('utf-8');
  const session = createConversion(
    {
      format,
      defaultMode: 'create',
      defaultStatus: 'enabled',
      keyPolicy: 'hub-generates',
      skipInvalid: false,
    },
    { onOutput: (bytes) => builder.push(decoder.decode(bytes, { stream: true })) },
  );
  return {
    push: (bytes) => session.push(bytes),
    finish() {
      const report = session.finish();
      if (report.fileError)
        throw new Error(
          `${report.fileError.message}${report.fileError.line ? ` (line ${report.fileError.line})` : ''}`,
        );
      if (report.invalid > 0)
        throw new Error(
          `${report.invalid} invalid rows in this ${format} device list, e.g. ${firstError(report)}`,
        );
      return builder.finish();
    },
  };
}

function firstError(report: ConversionReport): string {
  const issue = report.issues.find((i) => i.severity === 'error');
  return issue === undefined
    ? 'see `iot-bulk validate`'
    : `line ${issue.line} ${issue.field}: ${issue.code} ${issue.message}`;
}
