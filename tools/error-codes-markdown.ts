import { API_ERROR_CODES } from '../src/contracts/api/errors';
import { IMPORT_ERROR_CATALOGUE } from '../src/core/import-errors/import-error-catalogue';
import { ISSUE_CATALOGUE, ISSUE_CODES } from '../src/core/issues/issue-catalogue';
import { ERROR_WORDS, type WordedCode } from '../src/web/lib/describe-error';

// docs/error-codes.md is this function's output, never edited by hand: the catalogues in src/ are
// the one place each code gets its words, and `npm run lint` (tools/render-error-codes.ts --check)
// fails when the page no longer matches them.

/** One table cell: a pipe or a line break inside the text would end the cell or the row. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

function wordsRows(codes: readonly WordedCode[]): string[][] {
  return codes.map((code) => {
    const words = ERROR_WORDS[code];
    return [`\`${code}\``, words.title, words.why, words.action];
  });
}

export function renderErrorCodesMarkdown(): string {
  const proxyCodes: readonly WordedCode[] = API_ERROR_CODES;
  const consoleCodes = (Object.keys(ERROR_WORDS) as WordedCode[]).filter(
    (code) => !proxyCodes.includes(code),
  );
  const hubCodes = [...IMPORT_ERROR_CATALOGUE.values()].sort((a, b) => a.code - b.code);
  const lines = [
    '# Error codes',
    '',
    '<!-- Rendered by tools/render-error-codes.ts from the catalogues named below; do not edit.',
    '     Change a catalogue, then run `npx tsx tools/render-error-codes.ts`. -->',
    '',
    'Every code a person using the console can meet, with the words the console shows for it.',
    'Three places give codes: the conversion in the browser (per row, per column or for the whole',
    'file), the console’s server (one error body `{ error: { code, message, requestId } }` on every',
    'route), and the IoT hub (numeric codes in `importErrors.log` and in its REST answers).',
    '',
    '## Conversion issue codes',
    '',
    'From `src/core/issues/issue-catalogue.ts`. An error makes its row invalid (or, given for the',
    'whole file or a column, stops the conversion); a warning is shown and the row is still written.',
    'The review groups rows by these codes and shows the meaning and what to do once per group.',
    '',
    ...table(
      ['Code', 'Severity', 'Meaning', 'What to do'],
      ISSUE_CODES.map((code) => {
        const entry = ISSUE_CATALOGUE[code];
        return [`\`${code}\``, entry.severity, entry.meaning, entry.whatToDo];
      }),
    ),
    '',
    '## Server error codes',
    '',
    'From `API_ERROR_CODES` in `src/contracts/api/errors.ts`, with the words of',
    '`src/web/lib/describe-error.ts`. A code the console does not know arrives as',
    '`UNKNOWN_SERVER_CODE` (below), with the server’s code shown beside the words.',
    '',
    ...table(['Code', 'Title', 'Why', 'What to do'], wordsRows(proxyCodes)),
    '',
    '## Codes the console gives itself',
    '',
    'When no server error body is there to read: the network, an answer of the wrong shape, the',
    'sign-in, the direct upload to storage, a cancellation (`src/web/lib/api-error.ts`,',
    '`src/web/lib/describe-error.ts`).',
    '',
    ...table(['Code', 'Title', 'Why', 'What to do'], wordsRows(consoleCodes)),
    '',
    '## Hub error codes',
    '',
    'From `src/core/import-errors/import-error-catalogue.ts`: the numeric codes of the IoT hub that',
    'the console explains. "In the import log" marks those the hub writes per line in',
    '`importErrors.log`; the others come back from its REST calls. A code not listed is shown with',
    'its number and the hub’s own message.',
    '',
    ...table(
      ['Code', 'Name', 'In the import log', 'Meaning', 'What to do'],
      hubCodes.map((e) => [
        String(e.code),
        e.name,
        e.inImportLog ? 'yes' : 'no',
        e.meaning,
        e.whatToDo,
      ]),
    ),
    '',
  ];
  return lines.join('\n');
}
