import { createHash } from 'node:crypto';

// One storage queue per hub, so a console serving several hubs keeps each hub's waiting
// operations apart. Queue names allow 3-63 lower-case letters, digits and single hyphens, and a
// hub host name may be longer than that, so the name carries a hash of the host rather than the
// host itself.
export function hubQueueName(hubHostName: string): string {
  const hash = createHash('sha256').update(hubHostName.toLowerCase()).digest('hex');
  return `ops-${hash.slice(0, 32)}`;
}
