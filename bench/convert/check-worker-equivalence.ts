import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { convertAll } from '../../src/core/convert/convert-all';
import type { ConvertOptions } from '../../src/core/convert/types';
import { CHROMIUM, chromiumAvailable, withBenchPage } from '../chromium-bench';
import { CONVERSION_BENCH_PAGE } from './measure-browser-conversion';

const FIXTURES = join(import.meta.dirname, '../../tests/fixtures/convert');

/**
 * Converts every fixture input in Node and in Chromium's dedicated worker (the real worker bundle,
 * File from <input type=file>) and compares output sha256 and report. Key generation is left out:
 * the worker draws real random bytes.
 */
export async function checkWorkerEquivalence(): Promise<Record<string, unknown>> {
  if (!chromiumAvailable()) return { skipped: `${CHROMIUM} is not installed` };
  const inputs = readdirSync(FIXTURES).filter(
    (f) => !f.includes('.expected') && !f.endsWith('.options.json'),
  );
  const mismatches: string[] = [];
  await withBenchPage(CONVERSION_BENCH_PAGE, async (url) => {
    const context = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox'],
    });
    try {
      const page = await context.newPage();
      await page.goto(url);
      for (const file of inputs) {
        const name = file.slice(0, file.indexOf('.'));
        const extra = readOptions(name);
        const options: ConvertOptions = {
          format: 'auto',
          defaultMode: 'create',
          defaultStatus: 'enabled',
          keyPolicy: 'hub-generates',
          skipInvalid: true,
          ...extra,
        };
        options.keyPolicy = 'hub-generates';
        const path = join(FIXTURES, file);
        const node = convertAll(new Uint8Array(readFileSync(path)), options);
        await page.setInputFiles('#file', path);
        const browser = await page.evaluate(
          ([o]) =>
            (
              window as unknown as {
                runMode(m: string, o: unknown): Promise<{ outputSha256: string; report: unknown }>;
              }
            ).runMode('convert', o),
          [options] as const,
        );
        const nodeSha = createHash('sha256')
          .update(node.report.written ? node.output : '')
          .digest('hex');
        if (
          browser.outputSha256 !== nodeSha ||
          JSON.stringify(browser.report) !== JSON.stringify(node.report)
        )
          mismatches.push(name);
      }
    } finally {
      await context.close();
    }
  });
  return { files: inputs.length, identical: inputs.length - mismatches.length, mismatches };
}

function readOptions(name: string): Partial<ConvertOptions> {
  try {
    return JSON.parse(
      readFileSync(join(FIXTURES, `${name}.options.json`), 'utf8'),
    ) as Partial<ConvertOptions>;
  } catch {
    return {};
  }
}
