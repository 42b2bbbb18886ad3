// Deterministic device lines for the emulator benchmark, shaped like a typical fleet: ids
// dev-0000001..., 95% enabled, 90% create / 10% createOrUpdate, two 32-byte keys, a few tags and
// one desired property. sfc32 keeps runs comparable.
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const INTERVALS = [10, 15, 30, 60, 120, 300];

export interface GeneratedDevice {
  id: string;
  line: string;
}

export function* generateDevices(count: number): Generator<GeneratedDevice> {
  const random = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, count);
  const key = (): string => {
    const bytes = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) bytes[i] = Math.floor(random() * 256);
    return bytes.toString('base64');
  };
  for (let i = 1; i <= count; i++) {
    const id = `dev-${String(i).padStart(7, '0')}`;
    const device = {
      id,
      importMode: random() < 0.9 ? 'create' : 'createOrUpdate',
      status: random() < 0.95 ? 'enabled' : 'disabled',
      authentication: { symmetricKey: { primaryKey: key(), secondaryKey: key() }, type: 'sas' },
      tags: {
        site: `plant-${1 + Math.floor(random() * 20)}`,
        floor: 1 + Math.floor(random() * 12),
      },
      properties: {
        desired: { telemetryInterval: INTERVALS[Math.floor(random() * INTERVALS.length)] },
      },
    };
    yield { id, line: JSON.stringify(device) };
  }
}
