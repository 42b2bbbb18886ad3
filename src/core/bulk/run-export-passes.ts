import { createExportParser } from '../registry/create-export-parser';
import type { RegistryEntry } from '../registry/registry-types';

// Drives an engine that reads an export several times (the copy and the delete-all write parents
// and children in separate passes): `read` opens the export afresh for each pass (a file stream in
// the CLI, a Blob's stream in a worker), so no pass holds more than a chunk of it.

export interface PassEngine<Out> {
  index(entries: readonly RegistryEntry[]): void;
  readonly writePasses: number;
  write(pass: number, entries: readonly RegistryEntry[]): Out;
  endPass?(pass: number): Out;
}

export class ExportUnreadableError extends Error {}

export interface PassOptions {
  /** Refuse an export without keys (its leading plain-text notice line). */
  requireKeys?: boolean;
}

export async function runExportPasses<Out>(
  read: () => AsyncIterable<string>,
  engine: PassEngine<Out>,
  sink: (out: Out) => Promise<void>,
  options: PassOptions = {},
): Promise<void> {
  const index = createExportParser({ maxIssues: 5 });
  for await (const chunk of read()) engine.index(index.push(chunk));
  engine.index(index.end());
  const errors = index.issues.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0)
    throw new ExportUnreadableError(
      `not an export: ${errors.map((issue) => issue.message).join('; ')}`,
    );
  if (options.requireKeys && (index.issues.counts['leading-comment-line'] ?? 0) > 0)
    throw new ExportUnreadableError(
      'an export without keys (it starts with the keys-excluded notice): export with keys',
    );
  for (let pass = 0; pass < engine.writePasses; pass++) {
    const parser = createExportParser({ maxIssues: 1 });
    for await (const chunk of read()) await sink(engine.write(pass, parser.push(chunk)));
    await sink(engine.write(pass, parser.end()));
    if (engine.endPass) await sink(engine.endPass(pass));
  }
}
