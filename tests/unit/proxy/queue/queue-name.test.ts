import { describe, expect, it } from 'vitest';
import { hubQueueName } from '../../../../src/proxy/queue/queue-name';

describe('hubQueueName', () => {
  it('gives each hub a valid queue name of its own, whatever the case of its host', () => {
    const a = hubQueueName('Contoso-Hub.azure-devices.net');
    expect(a).toMatch(/^[a-z0-9](?:[a-z0-9]|-(?!-)){2,62}$/);
    expect(a).toBe(hubQueueName('contoso-hub.azure-devices.net'));
    expect(a).not.toBe(hubQueueName('fabrikam-hub.azure-devices.net'));
  });

  it('stays within 63 characters for the longest host names', () => {
    expect(hubQueueName(`${'h'.repeat(200)}.azure-devices.net`).length).toBeLessThanOrEqual(63);
  });
});
