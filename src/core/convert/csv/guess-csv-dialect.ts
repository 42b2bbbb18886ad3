import Papa from 'papaparse';
import { hasEnoughToGuess } from '../has-enough-to-guess';

// How a CSV file is split into cells and records, guessed once from its first lines. The
// converter, the proxy's masking and the web's error join all split a file by this one guess: a
// masking that split by another delimiter or line break than the converter would mask the wrong
// column of a file the converter read right.

export interface CsvDialect {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
}

/** How much text (after the byte order mark) the guess waits for, unless the text ends first. */
export const CSV_GUESS_CHARS = 64 * 1024;

// Delimiters Excel and other tools write; papaparse picks the one giving consistent field counts.
const DELIMITERS = [',', ';', '\t', '|'];

function guessNewline(sample: string): CsvDialect['newline'] {
  const lf = sample.indexOf('\n');
  if (lf === -1) return sample.indexOf('\r') === -1 ? '\n' : '\r';
  return lf > 0 && sample.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

// The delimiter is guessed from whole lines: a line cut short has too few fields for the right
// delimiter, and papaparse then prefers a wrong one (a "|" inside a quoted cell was enough).
function wholeLines(input: string, size: number, final: boolean): string {
  if (final && input.length <= size) return input;
  const sample = input.slice(0, size);
  const lastBreak = sample.lastIndexOf('\n');
  return lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
}

/**
 * The dialect of the text a file starts with (byte order mark removed), or undefined while more
 * text is needed: `final` says the text is the whole file.
 */
export function guessCsvDialect(
  text: string,
  final: boolean,
  guessChars = CSV_GUESS_CHARS,
): CsvDialect | undefined {
  if (!final && !hasEnoughToGuess(text, guessChars)) return undefined;
  const sample = wholeLines(text, Math.max(guessChars, 4096), final);
  const guessed = Papa.parse<string[]>(sample, {
    preview: 20,
    delimitersToGuess: DELIMITERS,
    skipEmptyLines: true,
  });
  return { delimiter: guessed.meta.delimiter || ',', newline: guessNewline(sample) };
}
