import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSecretScanner } from '../../../../src/proxy/masking/json-secret-scanner';
import { maskJsonText } from '../../../../src/proxy/masking/mask-json-stream';
import { createSecretFields } from '../../../../src/proxy/masking/secret-fields';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 9).toString('base64');

function scanInPieces(text: string, cuts: number[]): string {
  const scanner = new JsonSecretScanner(createSecretFields());
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const point of points) {
    out += scanner.write(text.slice(last, point));
    last = point;
  }
  return out + scanner.write(text.slice(last)) + scanner.end();
}

const rawLine = JSON.stringify({
  id: 'broken-1',
  importMode: 'create',
  authentication: {
    type: 'SELF_SIGNED',
    symmetricKey: { primaryKey: KEY, secondaryKey: OTHER_KEY },
  },
});
const errorLine = JSON.stringify({
  errorCode: 400012,
  errorStatus: `Invalid device format in line: ${rawLine}. Error converting value "SELF_SIGNED" to type 'AuthenticationType'. Path 'authentication.type', line 1, position 120.`,
});

describe('the import error log', () => {
  it('masks the keys of a raw line the hub copied into errorStatus and keeps the rest readable', () => {
    const masked = maskJsonText(errorLine);
    expect(masked).not.toContain(KEY);
    expect(masked).not.toContain(OTHER_KEY);
    const parsed = JSON.parse(masked) as { errorCode: number; errorStatus: string };
    expect(parsed.errorCode).toBe(400012);
    expect(parsed.errorStatus).toContain('"id":"broken-1"');
    expect(parsed.errorStatus).toContain('"primaryKey":"***"');
    expect(parsed.errorStatus).toContain("Path 'authentication.type'");
  });

  it('masks a raw line that is not JSON any more (cut short, quotes broken)', () => {
    const cut = `{"id":"b2","authentication":{"symmetricKey":{"primaryKey":"${KEY}`;
    const line = JSON.stringify({
      errorCode: 400012,
      errorStatus: `Invalid device format in line: ${cut}`,
    });
    expect(maskJsonText(line)).not.toContain(KEY);
  });

  it('leaves a plain error line byte for byte', () => {
    const line = '{"deviceId":"dup-0","errorCode":409001,"errorStatus":"dup-0"}';
    expect(maskJsonText(line)).toBe(line);
  });

  it('masks connection strings and SAS tokens written in free text', () => {
    const line = JSON.stringify({
      deviceId: 'd',
      errorStatus: `bad HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=${KEY} and SharedAccessSignature sr=h&sig=abc%2Bdef&se=1`,
    });
    const masked = maskJsonText(line);
    expect(masked).not.toContain(KEY);
    expect(masked).not.toContain('abc%2Bdef');
    expect(masked).toContain('DeviceId=d;SharedAccessKey=***');
  });
});

describe('configurations.txt', () => {
  const configuration = JSON.stringify({
    Id: 'edge-deploy',
    Content: {
      ModulesContent: {
        $edgeAgent: {
          'properties.desired': {
            runtime: {
              type: 'docker',
              settings: {
                registryCredentials: {
                  acr: {
                    username: 'acr-user',
                    password: 'planted-registry-password',
                    address: 'acr.io',
                  },
                },
              },
            },
            modules: {
              db: {
                env: { DB_PASSWORD: { value: 'planted-env-password' }, MODE: { value: 'prod' } },
                settings: { createOptions: '{"Env":["PWD=planted-create-option"]}' },
              },
            },
          },
        },
      },
    },
    Labels: { pin: 1234 },
  });

  it('masks registry passwords, secret env values and passwords inside createOptions', () => {
    const masked = maskJsonText(configuration);
    for (const secret of [
      'planted-registry-password',
      'planted-env-password',
      'planted-create-option',
      '1234',
    ])
      expect(masked).not.toContain(secret);
    expect(masked).toContain('"MODE":{"value":"prod"}');
    expect(masked).toContain('"pin":"***"');
    expect(JSON.parse(masked)).toMatchObject({ Id: 'edge-deploy' });
  });
});

describe('values by what they are', () => {
  it('masks a mapped column wherever its path ends, and nothing else', () => {
    const fields = createSecretFields(['k1', 'authentication.k2']);
    const text = `[{"id":"a","k1":"one","x":{"k1":"two"},"authentication":{"k2":"three"},"k2":"four"}]`;
    expect(maskJsonText(text, fields)).toBe(
      `[{"id":"a","k1":"***","x":{"k1":"***"},"authentication":{"k2":"***"},"k2":"four"}]`,
    );
  });

  it('masks a key-shaped value nobody named, but never an id', () => {
    const text = `{"id":"${KEY}","k":"${KEY}","etag":"AAAAAAAAAAE=","thumb":"${'AB12'.repeat(10)}"}`;
    expect(maskJsonText(text)).toBe(
      `{"id":"${KEY}","k":"***","etag":"AAAAAAAAAAE=","thumb":"${'AB12'.repeat(10)}"}`,
    );
  });

  it('keeps nulls and empty strings under secret names', () => {
    const text = '{"primaryKey":null,"secondaryKey":"","password":true}';
    expect(maskJsonText(text)).toBe(text);
  });

  it('gives the same result however the text is cut', () => {
    const text = `${errorLine}\n${JSON.stringify({ id: 'd', primaryKey: KEY, n: [1, { password: 42 }] })}\n`;
    const expected = scanInPieces(text, []);
    expect(expected).not.toContain(KEY);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 16 }), (cuts) => {
        expect(scanInPieces(text, cuts)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('pattern-masks a string that never closes instead of passing it raw', () => {
    expect(maskJsonText(`{"note":"SharedAccessKey=${KEY}`)).not.toContain(KEY);
  });
});

describe('text that is not quite JSON', () => {
  it('masks a secret value whose string never closes, whatever it looks like', () => {
    expect(maskJsonText('{"id":"x","password":"hunter2-and-more')).toBe(
      '{"id":"x","password":"***',
    );
  });

  it('still knows a key and masks its value when a string is not valid JSON syntax', () => {
    expect(maskJsonText('{"pass\tword":"a\tb","note":"ok"}')).toBe(
      '{"pass\tword":"***","note":"ok"}',
    );
  });
});

describe('nesting', () => {
  it('masks everything nested deeper than it keeps track of, and recovers after it', () => {
    const deep = `${'['.repeat(300)}"kept-or-not"${']'.repeat(300)}`;
    expect(maskJsonText(`${deep}\n{"note":"after"}`)).toBe(
      `${'['.repeat(300)}"***"${']'.repeat(300)}\n{"note":"after"}`,
    );
  });
});
