import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { findFreePort } from '../../src/dev-stack/ports';

// The emulator as a child process (exactly `npm run emulator`), so its peak RSS is its own and
// not the benchmark's generated rows.
export interface EmulatorChild {
  url: string;
  connectionString: string;
  caCertPath: string;
  peakRssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export async function spawnEmulator(dataDir: string, certDir: string): Promise<EmulatorChild> {
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/hub-emulator/main.ts',
      '--port',
      String(port),
      '--data',
      dataDir,
      '--cert-dir',
      certDir,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let connectionString = '';
  let caCertPath = '';
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    if (line.startsWith('IOTHUB_CONNECTION_STRING='))
      connectionString = line.slice('IOTHUB_CONNECTION_STRING='.length);
    if (line.startsWith('IOTHUB_CA_CERT=')) {
      caCertPath = line.slice('IOTHUB_CA_CERT='.length);
      break;
    }
  }
  if (!connectionString) throw new Error('the emulator did not start');
  return {
    url: `https://localhost:${port}`,
    connectionString,
    caCertPath,
    // VmHWM is the kernel's high-water mark of the resident set (Linux only; 0 elsewhere).
    peakRssBytes: async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
