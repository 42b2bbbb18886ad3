import { IssueList } from './issue-list';
import { parseExportLine } from './parse-export-line';
import { createExportLineReader } from './read-export-lines';
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

/**
 * Streaming reader of `devices.txt`: the lines of read-export-lines.ts, each record line parsed as
 * a device; the leading comment line is reported as a notice, any later non-JSON line is an error
 * with its line number.
 */
export function createExportParser(options: { maxIssues?: number } = {}): ExportParser {
  const issues = new IssueList(options.maxIssues);
  let out: RegistryEntry[] = [];
  const lines = createExportLineReader({
    record(text, line) {
      const entry = parseExportLine(text, line, issues);
      if (entry !== undefined) out.push(entry);
    },
    comment(line) {
      issues.add(
        line,
        'leading-comment-line',
        'notice',
        `line ${line} is not JSON and was skipped as the export's leading comment`,
      );
    },
  });
  const take = (): RegistryEntry[] => {
    const done = out;
    out = [];
    return done;
  };

  return {
    issues,
    get lineCount() {
      return lines.lineCount;
    },
    push(chunk) {
      lines.push(chunk);
      return take();
    },
    end() {
      lines.end();
      return take();
    },
  };
}
