// The floor the diff is measured against, shared by the Node run and the Chromium worker so both
// do exactly the same work: split text chunks on LF and JSON.parse every line.
export function createJsonLineFloor(): { push(chunk: string): void; end(): number } {
  let carry = '';
  let parsed = 0;
  return {
    push(chunk) {
      const text = carry + chunk;
      let start = 0;
      let end = text.indexOf('\n');
      while (end >= 0) {
        JSON.parse(text.slice(start, end));
        parsed++;
        start = end + 1;
        end = text.indexOf('\n', start);
      }
      carry = text.slice(start);
    },
    end() {
      if (carry.trim().length > 0) {
        JSON.parse(carry);
        parsed++;
      }
      carry = '';
      return parsed;
    },
  };
}
