import { Agent, fetch } from 'undici';
import { signSas } from '../../../../src/hub-emulator/auth/sign-sas';

// The hub's service REST API called directly, as an admin's other tools would: how a test puts
// devices, modules and twins on the emulator before the proxy reads them.

export interface HubRest {
  send(
    method: string,
    pathName: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>;
  /** As `send`, but a status other than 200 is an error. */
  ok(method: string, pathName: string, body?: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export function hubRest(
  hub: { url: string; connectionString: string },
  caCertPem: string,
  clock: () => Date = () => new Date(),
): HubRest {
  const dispatcher = new Agent({ connect: { ca: caCertPem } });
  const key = /SharedAccessKey=([^;]+)/.exec(hub.connectionString)?.[1] ?? '';
  const send: HubRest['send'] = async (method, pathName, body, headers = {}) => {
    const response = await fetch(`${hub.url}${pathName}?api-version=2021-04-12`, {
      method,
      dispatcher,
      headers: {
        authorization: signSas(
          'localhost',
          'iothubowner',
          key,
          Math.floor(clock().getTime() / 1000) + 3600,
        ),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return {
    send,
    async ok(method, pathName, body) {
      const answer = await send(method, pathName, body);
      if (answer.status !== 200)
        throw new Error(`${method} ${pathName}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body as Record<string, unknown>;
    },
    close: () => dispatcher.close(),
  };
}

export const sasKey = (seed: number): string => Buffer.alloc(32, seed).toString('base64');

export const sasAuthentication = (seed: number) => ({
  type: 'sas',
  symmetricKey: { primaryKey: sasKey(seed), secondaryKey: sasKey(seed + 100) },
});
