import type {
  SetupCheckId,
  SetupCheckResponse,
  SetupCheckResult,
} from '../../contracts/api/setup-check';
import { checkClockSkew } from './check-clock-skew';
import { checkHubAccess } from './check-hub-access';
import { checkHubStorageIdentity } from './check-hub-storage-identity';
import { checkJobSlot } from './check-job-slot';
import { checkSasMinting } from './check-sas-minting';
import { checkStorageAccess } from './check-storage-access';
import { checkStorageCors } from './check-storage-cors';
import { checkTokenValidation, reason } from './check-token-validation';
import type { CheckOutcome, RunOptions, SetupCheckDeps } from './setup-check-deps';
import { skipped } from './setup-check-deps';

// Runs every check, each under its own deadline, and never throws: a check that fails in an
// unforeseen way is reported as a problem of that check, so one broken part cannot hide the others.

export const SETUP_CHECK_TITLES: Record<SetupCheckId, string> = {
  'token-validation': 'Sign-in token settings (authority and audience)',
  'hub-access': "Hub reachability and the proxy's rights",
  'storage-access': "Storage reachability and the proxy's rights",
  'sas-minting': 'Grants for the hub (SAS or user-delegation SAS)',
  'storage-cors': 'CORS on storage for browser uploads',
  'hub-storage-identity': "The hub identity's access to storage",
  'clock-skew': "The proxy's clock",
  'job-slot': "The hub's job slot",
};

const DEADLINE_MS = 15_000;

export async function runSetupCheck(
  deps: SetupCheckDeps,
  options: RunOptions & { deadlineMs?: number },
): Promise<SetupCheckResponse> {
  const deadline = options.deadlineMs ?? DEADLINE_MS;
  const run = async (id: SetupCheckId, work: () => Promise<CheckOutcome>, ms = deadline) => {
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      work(),
      new Promise<CheckOutcome>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              status: 'problem',
              code: id.startsWith('hub') ? 'HUB_UNREACHABLE' : 'STORAGE_UNREACHABLE',
              summary: `No answer within ${Math.round(ms / 1000)} s.`,
            }),
          ms,
        );
      }),
    ])
      .catch((error: unknown): CheckOutcome => ({
        status: 'problem',
        code: id.startsWith('hub') || id === 'job-slot' ? 'HUB_UNREACHABLE' : 'STORAGE_UNREACHABLE',
        summary: `The check failed: ${reason(error)}.`,
      }))
      .finally(() => clearTimeout(timer));
    const result: SetupCheckResult = { id, title: SETUP_CHECK_TITLES[id], ...outcome };
    return result;
  };

  const probeName = deps.newProbeName();
  const probe = deps.storage.service.getContainerClient(probeName);
  const storageChecks = async (): Promise<SetupCheckResult[]> => {
    const access = await run('storage-access', () => checkStorageAccess(deps, probe));
    const usable = access.status === 'ok';
    const afterAccess = (id: SetupCheckId, work: () => Promise<CheckOutcome>) =>
      usable ? run(id, work) : run(id, async () => skipped('Storage must be reachable first.'));
    try {
      return [
        access,
        await afterAccess('sas-minting', () => checkSasMinting(deps, probe)),
        await run('storage-cors', () => checkStorageCors(deps, probeName)),
        await (usable
          ? run(
              'hub-storage-identity',
              () =>
                checkHubStorageIdentity(deps, probe, {
                  ...options,
                  probeDeviceId: deps.newProbeName(),
                }),
              75_000,
            )
          : run('hub-storage-identity', async () => skipped('Storage must be reachable first.'))),
      ];
    } finally {
      if (usable) await probe.deleteIfExists().catch(() => undefined);
    }
  };

  const [token, hub, clock, slot, storage] = await Promise.all([
    run('token-validation', () => checkTokenValidation(deps)),
    run('hub-access', () => checkHubAccess(deps)),
    run('clock-skew', () => checkClockSkew(deps)),
    run('job-slot', () => checkJobSlot(deps)),
    storageChecks(),
  ]);
  const order = new Map(Object.keys(SETUP_CHECK_TITLES).map((id, index) => [id, index]));
  const checks = [token, hub, clock, slot, ...storage].sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return {
    checkedAt: deps.now().toISOString(),
    ok: checks.every((check) => check.status !== 'problem'),
    checks,
  };
}
