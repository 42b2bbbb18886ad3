import { z } from 'zod';
import { DEFAULT_PORTS } from './identity-defaults';
import type { DevStackPorts } from './stack';

// `npm start` configuration from environment variables. Every variable is checked before anything
// starts, and all problems are reported together
// (docs/dev-stack.md#ports-and-environment-variables).

export interface StackEnv {
  ports: DevStackPorts;
  dataDir: string;
  vitePort: number;
}

export type StackEnvResult = { ok: true; value: StackEnv } | { ok: false; problems: string[] };

export const DEFAULT_VITE_PORT = 5173;

const Port = z
  .string()
  .trim()
  .regex(/^\d+$/, 'must be a port number (0-65535; 0 picks a free port)')
  .transform(Number)
  .pipe(z.number().max(65535, 'must be at most 65535'));
const DataDir = z.string().trim().min(1, 'must not be empty');

export const PORT_VARIABLES = {
  APP_PORT: DEFAULT_PORTS.app,
  OIDC_PORT: DEFAULT_PORTS.oidc,
  HUB_PORT: DEFAULT_PORTS.hub,
  HUB_B_PORT: DEFAULT_PORTS.hubB,
  AZURITE_PORT: DEFAULT_PORTS.azurite,
  VITE_PORT: DEFAULT_VITE_PORT,
} as const;
type PortVariable = keyof typeof PORT_VARIABLES;

export function readStackEnv(env: Record<string, string | undefined>): StackEnvResult {
  const problems: string[] = [];
  const read = <T>(name: string, schema: z.ZodType<T>, fallback: T): T => {
    const raw = env[name];
    if (raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    problems.push(
      `${name}=${JSON.stringify(raw)}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
    return fallback;
  };

  const ports = {} as Record<PortVariable, number>;
  const valid: [PortVariable, number][] = [];
  for (const [name, fallback] of Object.entries(PORT_VARIABLES) as [PortVariable, number][]) {
    const before = problems.length;
    ports[name] = read(name, Port, fallback);
    if (problems.length === before) valid.push([name, ports[name]]);
  }
  const dataDir = read('LOCAL_DATA_DIR', DataDir, '.local');

  valid.forEach(([name, port], index) => {
    const clash = valid.slice(0, index).find(([, other]) => other === port && port !== 0);
    if (clash) problems.push(`${name}=${port}: same port as ${clash[0]}`);
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ports: {
        app: ports.APP_PORT,
        oidc: ports.OIDC_PORT,
        hub: ports.HUB_PORT,
        hubB: ports.HUB_B_PORT,
        azurite: ports.AZURITE_PORT,
      },
      dataDir,
      vitePort: ports.VITE_PORT,
    },
  };
}
