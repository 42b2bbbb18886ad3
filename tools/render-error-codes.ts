import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderErrorCodesMarkdown } from './error-codes-markdown';

// Writes docs/error-codes.md from the catalogues. With --check (run by `npm run lint`) it writes
// nothing and fails when the page on disk differs, so a code added without re-rendering shows.

const target = path.join(process.cwd(), 'docs', 'error-codes.md');

async function main(check: boolean): Promise<void> {
  const rendered = renderErrorCodesMarkdown();
  if (!check) {
    await writeFile(target, rendered);
    console.log(`Wrote ${path.relative(process.cwd(), target)}.`);
    return;
  }
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current === rendered) {
    console.log('docs/error-codes.md matches the catalogues.');
    return;
  }
  console.error(
    'docs/error-codes.md is stale: run `npx tsx tools/render-error-codes.ts` and commit it.',
  );
  process.exitCode = 1;
}

await main(process.argv.includes('--check'));
