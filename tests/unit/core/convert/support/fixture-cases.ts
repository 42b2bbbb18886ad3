import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConvertOptions } from '../../../../../src/core/convert/types';

export const FIXTURES = join(import.meta.dirname, '../../../../fixtures/convert');

export const DEFAULT_OPTIONS: ConvertOptions = {
  format: 'auto',
  defaultMode: 'create',
  defaultStatus: 'enabled',
  keyPolicy: 'hub-generates',
  skipInvalid: false,
};

export interface FixtureCase {
  name: string;
  inputPath: string;
  options: ConvertOptions;
}

/**
 * Every `<case>.<ext>` input in tests/fixtures/convert, with its optional `<case>.options.json`.
 */
export function listFixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter(
      (f) => !f.includes('.expected') && !f.endsWith('.options.json') && !f.endsWith('.keys.csv'),
    )
    .map((file) => {
      const name = file.slice(0, file.indexOf('.'));
      const optionsPath = join(FIXTURES, `${name}.options.json`);
      const extra = existsSync(optionsPath)
        ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as Partial<ConvertOptions>)
        : {};
      return { name, inputPath: join(FIXTURES, file), options: { ...DEFAULT_OPTIONS, ...extra } };
    });
}

/** Deterministic stand-in for crypto.getRandomValues so generated keys have golden outputs. */
export function counterBytes(): (length: number) => Uint8Array {
  let next = 0;
  return (length) => {
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = next++ & 0xff;
    return bytes;
  };
}
