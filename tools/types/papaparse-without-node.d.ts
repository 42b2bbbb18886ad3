// papaparse's published types (@types/papaparse) pull in all of Node's types through
// `/// <reference types="node" />` (for papaparse's Node stream mode), which would hand Buffer,
// process and Node's globals to every project that reaches core's CSV reader. The projects for
// code that runs in browsers and workers (core, web, worker) map 'papaparse' here instead: the part
// core's reader uses, without the stream mode. The Node and tests projects check the same reader
// against the real types, so a call this subset allows and the real types refuse still fails.
declare namespace Papa {
  interface ParseConfig {
    delimiter?: string;
    newline?: '\r' | '\n' | '\r\n';
    preview?: number;
    delimitersToGuess?: string[];
    skipEmptyLines?: boolean | 'greedy';
  }
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
    fields?: string[];
  }
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  class Parser {
    constructor(config: ParseConfig);
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): unknown;
    abort(): void;
  }
  function parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
}

export = Papa;
