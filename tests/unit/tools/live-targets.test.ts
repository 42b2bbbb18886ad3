import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIVE_SUITES, describePlan, planLiveRun } from '../../../tools/live-targets';

describe('planLiveRun', () => {
  it('skips every suite without Azure variables and names the variables to set', () => {
    const plan = planLiveRun({});
    expect(plan.run).toEqual([]);
    expect(describePlan(plan)).toEqual([
      "SKIPPED  hub conformance: set IOT_HUB_CONNECTION_STRING to run the emulator's conformance cases against your hub (read-only)",
      "SKIPPED  proxy against Azure: set IOT_HUB_CONNECTION_STRING or IOT_HUB_HOST_NAME, STORAGE_ACCOUNT_NAME to run the proxy's setup check against your hub and storage account (a probe container is created and deleted)",
    ]);
  });

  it('runs the hub suite with a connection string alone, and both with storage too', () => {
    const hubOnly = planLiveRun({
      IOT_HUB_CONNECTION_STRING: 'HostName=h;SharedAccessKeyName=k;SharedAccessKey=QQ==',
    });
    expect(hubOnly.run.map((suite) => suite.name)).toEqual(['hub conformance']);
    expect(hubOnly.skipped[0]?.missing).toEqual(['STORAGE_ACCOUNT_NAME']);
    const both = planLiveRun({
      IOT_HUB_HOST_NAME: 'h.azure-devices.net',
      IOT_HUB_CONNECTION_STRING: 'x',
      STORAGE_ACCOUNT_NAME: 'acct',
    });
    expect(both.run.map((suite) => suite.name)).toEqual(['hub conformance', 'proxy against Azure']);
  });

  it('treats blank variables as unset', () => {
    expect(planLiveRun({ IOT_HUB_CONNECTION_STRING: '  ' }).run).toEqual([]);
  });

  it('names suite files that exist', () => {
    for (const suite of LIVE_SUITES) expect(existsSync(suite.file)).toBe(true);
  });
});
