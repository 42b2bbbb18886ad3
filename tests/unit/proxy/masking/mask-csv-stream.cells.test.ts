import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCsvMaskingTransform } from '../../../../src/proxy/masking/mask-csv-stream';
import { createSecretFields, type SecretFields } from '../../../../src/proxy/masking/secret-fields';

const KEY = Buffer.alloc(32, 3).toString('base64');

async function maskCsv(text: string, fields?: SecretFields): Promise<string> {
  const out: Buffer[] = [];
  for await (const data of Readable.from([Buffer.from(text)]).pipe(
    createCsvMaskingTransform(fields),
  ))
    out.push(Buffer.from(data as Buffer));
  return Buffer.concat(out).toString('utf8');
}

describe('CSV masking by mapping and by content', () => {
  it('masks columns the admin mapped to a key, whatever they are called', async () => {
    const csv = `id,primary,k2,site\nd1,${KEY},plain-secret,north\n`;
    expect(await maskCsv(csv, createSecretFields(['primary', 'k2']))).toBe(
      'id,primary,k2,site\nd1,***,***,north\n',
    );
  });

  it('masks a column the conversion engine would read as a key (IoT Central names)', async () => {
    expect(await maskCsv('IOTC_DEVICEID,IOTC_SASKEY_PRIMARY\nd1,abc\n')).toBe(
      'IOTC_DEVICEID,IOTC_SASKEY_PRIMARY\nd1,***\n',
    );
  });

  it('masks secrets inside other cells and re-quotes the cell it changed', async () => {
    const csv = `id,note,other\nd1,"HostName=h;SharedAccessKey=${KEY}",${KEY}\n`;
    expect(await maskCsv(csv)).toBe('id,note,other\nd1,"HostName=h;SharedAccessKey=***","***"\n');
  });

  it('never masks an id, however key-like', async () => {
    const csv = `deviceId,site\n${KEY},north\n`;
    expect(await maskCsv(csv)).toBe(csv);
  });
});

describe('CSV header quirks', () => {
  it('reads the first header name past a byte order mark', async () => {
    const csv = `\uFEFFid,k\n${KEY},x\n`;
    expect(await maskCsv(csv)).toBe(csv);
  });
});
