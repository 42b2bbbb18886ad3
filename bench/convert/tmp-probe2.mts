import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createConversion } from '../../src/core/convert/create-conversion';
const buf = readFileSync(process.argv[2] ?? '/tmp/cv/dev-100000.csv');
function naive() {
  const d = new TextDecoder(); const p = new Papa.Parser({ delimiter: ',', newline: '\n' }); let tail = ''; let bytes = 0; let first = true;
  for (let i = 0; i < buf.length; i += 1 << 20) {
    const input = tail + d.decode(buf.subarray(i, i + (1 << 20)), { stream: true }); const r = p.parse(input, 0, true); tail = input.slice(r.meta.cursor);
    const lines: string[] = [];
    for (const row of r.data as string[][]) {
      if (first) { first = false; continue; }
      const [id, status, pk, sk, site, floor, interval, mode] = row;
      if (!/^[A-Za-z0-9\-.%_*?!(),:=@$']{1,128}$/.test(id!)) continue;
      lines.push(JSON.stringify({ id, importMode: mode, status, authentication: { symmetricKey: { primaryKey: pk, secondaryKey: sk }, type: 'sas' }, tags: { site, floor: Number(floor) }, properties: { desired: { telemetryInterval: Number(interval) } } }));
    }
    bytes += (lines.join('\n') + '\n').length;
  }
  return bytes;
}
function ours() {
  let bytes = 0;
  const s = createConversion({ format: 'auto', defaultMode: 'create', defaultStatus: 'enabled', keyPolicy: 'hub-generates', skipInvalid: false }, { onOutput: (x) => { bytes += x.length; } });
  for (let i = 0; i < buf.length; i += 1 << 20) s.push(buf.subarray(i, i + (1 << 20)));
  s.finish(); return bytes;
}
for (let round = 0; round < 4; round++) {
  let c = process.cpuUsage(); const b1 = naive(); const a = process.cpuUsage(c).user / 1000; c = process.cpuUsage();
  const b2 = ours(); const b = process.cpuUsage(c).user / 1000;
  console.log(round, b1, b2, 'naive', a.toFixed(0), 'ours', b.toFixed(0), (b / a).toFixed(2));
}
