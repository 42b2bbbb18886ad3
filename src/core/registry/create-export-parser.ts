import { IssueList } from './issue-list';
import { parseExportLine, startsLikeJsonObject } from './parse-export-line';
import type { RegistryEntry } from './registry-types';

export interface ExportParser {
  /**
   * Feed the next piece of text; returns the entries completed by it (a line split across chunks
   * waits for its end).
   */
  push(chunk: string): RegistryEntry[];
  /** Flush the last line when the input does not end with a newline. */
  end(): RegistryEntry[];
  readonly issues: IssueList;
  /** Physical lines seen so far. */
  readonly lineCount: number;
}

const LF = '\n';
const CR = 13;
const BOM = 0xfeff;

/**
 * Streaming reader of `devices.txt`. Lines end in LF or CRLF (the hub most likely writes CRLF,
 * readers must accept both: docs/reference/hub-wire-contract.md#export-blob, #recorded-traffic). A
 * keys-excluded export begins with a plain-text warning line; like the C# SDK readers we skip a
 * first non-blank line that does not start with `{`, and report it as a notice. Any later non-JSON
 * line is an error with its line number.
 */
export function createExportParser(options: { maxIssues?: number } = {}): ExportParser {
  const issues = new IssueList(options.maxIssues);
  let carry = '';
  let lineNo = 0;
  let sawContent = false;

  function handle(raw: string, out: RegistryEntry[]): void {
    lineNo++;
    let text = raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
    if (lineNo === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    if (text.length === 0) return;
    if (!startsLikeJsonObject(text)) {
      if (text.trim().length === 0) return;
      if (!sawContent) {
        sawContent = true;
        issues.add(
          lineNo,
          'leading-comment-line',
          'notice',
          `line ${lineNo} is not JSON and was skipped as the export's leading comment`,
        );
        return;
      }
    }
    sawContent = true;
    const entry = parseExportLine(text, lineNo, issues);
    if (entry !== undefined) out.push(entry);
  }

  return {
    issues,
    get lineCount() {
      return lineNo;
    },
    push(chunk) {
      const out: RegistryEntry[] = [];
      let start = 0;
      let end = chunk.indexOf(LF);
      if (end < 0) {
        carry += chunk;
        return out;
      }
      if (carry.length > 0) {
        handle(carry + chunk.slice(0, end), out);
        carry = '';
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      while (end >= 0) {
        handle(chunk.slice(start, end), out);
        start = end + 1;
        end = chunk.indexOf(LF, start);
      }
      carry = chunk.slice(start);
      return out;
    },
    end() {
      const out: RegistryEntry[] = [];
      if (carry.length > 0) handle(carry, out);
      carry = '';
      return out;
    },
  };
}
