import { readFileSync } from 'node:fs';
import { createConversion } from '../../src/core/convert/create-conversion';
const buf = readFileSync(process.argv[2]!);
const c = process.cpuUsage(); const t = performance.now(); let bytes = 0;
const s = createConversion({ format: 'auto', defaultMode: 'create', defaultStatus: 'enabled', keyPolicy: 'hub-generates', skipInvalid: false }, { onOutput: (x) => { bytes += x.length; } });
for (let i = 0; i < buf.length; i += 1 << 20) s.push(buf.subarray(i, i + (1 << 20)));
s.finish(); const u = process.cpuUsage(c); console.log(process.env.NOSEEN ? 'noseen' : 'seen  ', 'cpu', ((u.user + u.system) / 1000).toFixed(0), 'wall', (performance.now() - t).toFixed(0), 'rss', process.resourceUsage().maxRSS >> 10);
