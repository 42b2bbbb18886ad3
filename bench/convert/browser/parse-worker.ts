import Papa from 'papaparse';

// Benchmark baseline in the browser: papaparse over the File in this dedicated worker with chunk
// callbacks, rows staying in the worker
// (docs/reference/measured-baselines.md#conversion-in-the-browser).
self.addEventListener('message', (event: MessageEvent<{ file: File }>) => {
  let rows = 0;
  Papa.parse<Record<string, string>>(event.data.file, {
    header: true,
    skipEmptyLines: true,
    chunk: (results) => {
      rows += results.data.length;
    },
    complete: () => (self as unknown as { postMessage(m: unknown): void }).postMessage({ rows }),
  });
});
