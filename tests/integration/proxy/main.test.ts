import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// `src/proxy/main.ts` as a real process: a misconfigured deployment is refused at start with one
// message naming every problem, variables and files alike, and nothing else.

function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(AUTH_|IOT_HUB_|HUBS$|HUB_|STORAGE_|SPA_|PROXY_|SUPPORT_)/.test(name),
    ),
  );
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'src/proxy/main.ts'], {
      env: { ...clean, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('the proxy at start', () => {
  it('names every configuration problem in one message and exits 1', async () => {
    const { code, stderr } = await runMain({
      AUTH_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      IOT_HUB_AUTH: 'identity',
      IOT_HUB_JOB_STORAGE_AUTH: 'byIdentity',
      STORAGE_ACCOUNT_NAME: 'Not_Valid',
      PROXY_TRUSTED_CA_FILE: '/nonexistent/ca.pem',
      SPA_CLIENT_ID: 'spa',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^The proxy's configuration is invalid \(\d+ problems\):/);
    for (const name of [
      'AUTH_AUDIENCE',
      'IOT_HUB_HOST_NAME',
      'IOT_HUB_JOB_STORAGE_AUTH',
      'STORAGE_ACCOUNT_NAME',
      'SPA_API_SCOPE',
      'PROXY_TRUSTED_CA_FILE: cannot read /nonexistent/ca.pem (ENOENT)',
    ])
      expect(stderr).toContain(`- ${name}`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names every bad field of every hub of HUBS in the same message', async () => {
    const { code, stderr } = await runMain({
      AUTH_TENANT_ID: '11111111-2222-3333-4444-555555555555',
      AUTH_AUDIENCE: 'api://console',
      STORAGE_ACCOUNT_NAME: 'consoleops',
      SPA_CLIENT_ID: 'spa',
      SPA_API_SCOPE: 'api://console/access_as_user',
      HUBS: JSON.stringify([
        { id: 'Hub A', displayName: 'A', connectionString: 'HostName=a' },
        { id: 'hub-b', displayName: 'B', auth: 'identity' },
      ]),
      HUB_DEVICE_CAP: '1000',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^The proxy's configuration is invalid \(4 problems\):/);
    for (const problem of [
      'HUBS[0].id',
      'HUBS[0].connectionString',
      'HUBS[1].hostName: required with auth "identity"',
      'HUB_DEVICE_CAP: not used when HUBS is set',
    ])
      expect(stderr).toContain(`- ${problem}`);
  });
});
