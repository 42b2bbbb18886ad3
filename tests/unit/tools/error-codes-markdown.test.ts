import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '../../../src/contracts/api/errors';
import { IMPORT_ERROR_CATALOGUE } from '../../../src/core/import-errors/import-error-catalogue';
import { ISSUE_CATALOGUE, ISSUE_CODES } from '../../../src/core/issues/issue-catalogue';
import { CLIENT_ERROR_CODES } from '../../../src/web/lib/api-error';
import { ERROR_WORDS } from '../../../src/web/lib/describe-error';
import { renderErrorCodesMarkdown } from '../../../tools/error-codes-markdown';

const ROOT = join(import.meta.dirname, '../../..');
const markdown = renderErrorCodesMarkdown();
const rows = markdown.split('\n').filter((line) => line.startsWith('| `') || /^\| \d/.test(line));

function rowOf(code: string | number): string[] {
  const found = rows.filter(
    (line) => line.startsWith(`| \`${code}\` |`) || line.startsWith(`| ${code} |`),
  );
  expect(found, `one row for ${code}`).toHaveLength(1);
  return found[0]!.split(' | ');
}

describe('the error codes page', () => {
  it.each(ISSUE_CODES)('gives the conversion code %s its severity and words', (code) => {
    const entry = ISSUE_CATALOGUE[code];
    expect(rowOf(code).slice(1)).toEqual([entry.severity, entry.meaning, `${entry.whatToDo} |`]);
  });

  it.each([...API_ERROR_CODES, ...CLIENT_ERROR_CODES])('gives %s the console’s words', (code) => {
    expect(rowOf(code)[1]).toBe(ERROR_WORDS[code].title);
  });

  it('lists every hub code the console explains, by number', () => {
    for (const entry of IMPORT_ERROR_CATALOGUE.values())
      expect(rowOf(entry.code)[1]).toBe(entry.name);
  });

  it('holds no row that is not a code of one of the catalogues', () => {
    const count =
      ISSUE_CODES.length + Object.keys(ERROR_WORDS).length + IMPORT_ERROR_CATALOGUE.size;
    expect(rows).toHaveLength(count);
  });

  it('is what docs/error-codes.md holds', async () => {
    expect(await readFile(join(ROOT, 'docs/error-codes.md'), 'utf8')).toBe(markdown);
  });
});

describe('render-error-codes --check', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true }))));

  async function checkIn(page: string | null): Promise<number> {
    const dir = await mkdtemp(join(tmpdir(), 'error-codes-'));
    dirs.push(dir);
    await mkdir(join(dir, 'docs'));
    if (page !== null) await writeFile(join(dir, 'docs/error-codes.md'), page);
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const run = promisify(execFile)(tsx, [join(ROOT, 'tools/render-error-codes.ts'), '--check'], {
      cwd: dir,
    });
    return run.then(
      () => 0,
      (error: { code?: number }) => error.code ?? -1,
    );
  }

  it('passes on a page that matches the catalogues', async () => {
    expect(await checkIn(markdown)).toBe(0);
  });

  it('fails on a stale page and on a missing one', async () => {
    expect(await checkIn(markdown.replace('ID_MISSING', 'ID_ABSENT'))).toBe(1);
    expect(await checkIn(null)).toBe(1);
  });
});
