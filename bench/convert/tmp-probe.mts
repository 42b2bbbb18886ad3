import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createConversion } from '../../src/core/convert/create-conversion';
const buf = readFileSync(process.argv[2] ?? '/tmp/cv/dev-100000.csv');
const dec = () => new TextDecoder();
for (let round = 0; round < 4; round++) {
  let t = performance.now();
  const d = dec(); const p = new Papa.Parser({ delimiter: ',', newline: '\n' }); let tail = ''; let rows = 0;
  for (let i = 0; i < buf.length; i += 1 << 20) { const input = tail + d.decode(buf.subarray(i, i + (1 << 20)), { stream: true }); const r = p.parse(input, 0, true); rows += r.data.length; tail = input.slice(r.meta.cursor); }
  const parse = performance.now() - t;
  t = performance.now(); let bytes = 0;
  const s = createConversion({ format: 'auto', defaultMode: 'create', defaultStatus: 'enabled', keyPolicy: 'hub-generates', skipInvalid: false }, { onOutput: (x) => { bytes += x.length; } });
  for (let i = 0; i < buf.length; i += 1 << 20) s.push(buf.subarray(i, i + (1 << 20)));
  const r = s.finish();
  const conv = performance.now() - t;
  console.log(round, rows, r.valid, bytes, 'parse', parse.toFixed(0), 'conv', conv.toFixed(0), 'ratio', (conv / parse).toFixed(2));
}
