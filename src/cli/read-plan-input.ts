import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { detectFormat } from '../core/convert/detect-format';
import type { ConvertOptions, InputFormat } from '../core/convert/types';
import { createConvertedText } from '../core/plan/convert-for-plan';
import type { PlanCommand } from './parse-plan-args';
import { readMappingFile } from './read-mapping-file';

const CHUNK = 1024 * 1024;
const GUESS_BYTES = 64 * 1024;

export interface ImportSource {
  /** `import` when the file is NDJSON and goes to the plan as it is. */
  kind: 'import' | Exclude<InputFormat, 'ndjson'>;
  /** The import NDJSON as text chunks; a new pass over the file each time it is called. */
  chunks(): AsyncGenerator<string>;
}

/**
 * The import file as the plan reads it: an NDJSON file goes as it is (that is what the hub would
 * get), a CSV or JSON device list is converted by core first, chunk by chunk, as `convert` would.
 * Throws a message for the user when the file cannot be read or converted.
 */
export async function openImportSource(
  path: string,
  conversion: PlanCommand['conversion'],
): Promise<ImportSource> {
  const format = conversion.format === 'auto' ? await guessFormat(path) : conversion.format;
  if (format === 'ndjson') return { kind: 'import', chunks: () => textChunks(path) };
  const options: ConvertOptions = {
    format,
    defaultMode: conversion.mode,
    defaultStatus: conversion.status,
    keyPolicy: 'hub-generates',
    skipInvalid: false,
  };
  if (conversion.map !== undefined) options.mapping = await readMappingFile(conversion.map);
  return { kind: format, chunks: () => convertedChunks(path, options) };
}

export async function* textChunks(path: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK }))
      yield chunk as string;
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function* convertedChunks(path: string, options: ConvertOptions): AsyncGenerator<string> {
  const converted = createConvertedText(options);
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
      const text = converted.push(chunk as Uint8Array);
      if (text !== '') yield text;
    }
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { text, problem } = converted.finish();
  if (problem !== undefined) throw new Error(`${path}: ${problem}`);
  if (text !== '') yield text;
}

async function guessFormat(path: string): Promise<InputFormat> {
  let head = '';
  try {
    const file = await open(path);
    try {
      const buffer = new Uint8Array(GUESS_BYTES);
      const { bytesRead } = await file.read(buffer, 0, GUESS_BYTES, 0);
      head = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  return text.trim() === '' ? 'ndjson' : detectFormat(text);
}
