import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  isSkippable,
  useRegistryPlan,
  type RegistryPlanState,
} from '../../../../../../src/web/features/import/hooks/use-registry-plan';
import {
  DEFAULT_PLAN_SETTINGS,
  PlanSettingsContext,
} from '../../../../../../src/web/lib/plan-settings';
import { inProcessPlanWorker } from '../../../../../unit/web/support/in-process-plan-worker';
import { useProxyAs } from '../../../../support/api-client-against-proxy';
import { counted } from '../../../../support/in-process-workers';

// The plan's state machine against a real proxy and hub (tests/component/support/
// proxy-stack-setup.ts seeds seed-0 and seed-1), with the plan worker's real code: a small file's
// devices are read one by one, a large one needs an export, a failure can be retried, and the
// key choice plans again from the same snapshot.

interface Props {
  output: Blob | null;
  lines: number;
}

const ndjson = (...records: object[]): Blob =>
  new Blob([records.map((record) => `${JSON.stringify(record)}\n`).join('')]);

const FILE = ndjson(
  { id: 'seed-0', importMode: 'createOrUpdate', status: 'disabled' },
  { id: 'new-0', importMode: 'create', status: 'enabled' },
);

function render(initial: Props, lookupLimit = DEFAULT_PLAN_SETTINGS.lookupLimit) {
  const workers = counted(inProcessPlanWorker);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PlanSettingsContext.Provider value={{ ...DEFAULT_PLAN_SETTINGS, lookupLimit }}>
      {children}
    </PlanSettingsContext.Provider>
  );
  const phases: RegistryPlanState['phase'][] = [];
  const hook = renderHook(
    (props: Props) => {
      const plan = useRegistryPlan(props.output, props.lines, null, null, workers.create);
      if (phases.at(-1) !== plan.state.phase) phases.push(plan.state.phase);
      return plan;
    },
    { initialProps: initial, wrapper },
  );
  return { hook, phases, workers };
}

/** The next plan: a planned state other than the one on screen when called. */
async function nextPlan(hook: ReturnType<typeof render>['hook']) {
  const before = hook.result.current.state;
  await waitFor(
    () => {
      const state = hook.result.current.state;
      expect(state !== before && state.phase === 'planned', JSON.stringify(state)).toBe(true);
    },
    { timeout: 20_000 },
  );
  const state = hook.result.current.state;
  if (state.phase !== 'planned') throw new Error('not planned');
  return state.plan;
}

/**
 * The phases the hook went through. An in-process plan worker can answer before React renders
 * 'planning' (updates are batched), so that one is left out of the comparison.
 */
const seen = (phases: RegistryPlanState['phase'][]) => phases.filter((p) => p !== 'planning');

afterEach(() => useProxyAs('admin'));

describe('useRegistryPlan', () => {
  it('reads a small file’s devices through the proxy, then plans them in the worker', async () => {
    useProxyAs('admin');
    const { hook, phases } = render({ output: FILE, lines: 2 });
    const plan = await nextPlan(hook);
    expect(seen(phases)).toEqual(['idle', 'reading', 'planned']);
    expect(plan.source).toEqual({ kind: 'lookup' });
    expect(plan.summary).toMatchObject({ create: 1, update: 1 });
    expect(plan.rowCount).toBe(2);
    expect(isSkippable(hook.result.current.state)).toBe(false);
  });

  it('is idle without an output, and goes back to idle when the output goes', async () => {
    useProxyAs('admin');
    const { hook, workers } = render({ output: null, lines: 0 });
    expect(hook.result.current.state).toEqual({ phase: 'idle' });
    hook.rerender({ output: FILE, lines: 2 });
    await nextPlan(hook);
    hook.rerender({ output: null, lines: 0 });
    expect(hook.result.current.state).toEqual({ phase: 'idle' });
    expect(workers.terminated()).toBe(workers.started());
  });

  it('fails with the proxy’s coded error, may be skipped, and plans on retry', async () => {
    useProxyAs('no-role');
    const { hook } = render({ output: FILE, lines: 2 });
    await waitFor(() => expect(hook.result.current.state.phase).toBe('failed'));
    expect(hook.result.current.state).toMatchObject({ error: { code: 'FORBIDDEN', status: 403 } });
    expect(isSkippable(hook.result.current.state)).toBe(true);
    useProxyAs('admin');
    act(() => hook.result.current.retry());
    expect((await nextPlan(hook)).summary).toMatchObject({ create: 1, update: 1 });
  });

  it('plans again from the same snapshot when the admin chooses new keys for keyless rows', async () => {
    useProxyAs('admin');
    const keyless = ndjson({ id: 'seed-1', importMode: 'createOrUpdate', status: 'disabled' });
    const { hook, phases } = render({ output: keyless, lines: 1 });
    const kept = await nextPlan(hook);
    expect(kept.keysKept).toBe(1);
    expect(kept.keysRotated).toBe(0);
    phases.length = 0;
    act(() => hook.result.current.setRotateKeys(true));
    expect(hook.result.current.rotateKeys).toBe(true);
    const rotated = await nextPlan(hook);
    // No second read of the registry: straight to the worker, with the first snapshot's time.
    expect(seen(phases)).toEqual(['planned']);
    expect(rotated.takenAt).toBe(kept.takenAt);
    expect(rotated.keysRotated).toBe(1);
  });

  it('asks for an export above the lookup limit, and plans from a fresh one when told to', async () => {
    useProxyAs('admin');
    const { hook, phases } = render({ output: FILE, lines: 2 }, 1);
    await waitFor(() => expect(hook.result.current.state.phase).toBe('needs-export'));
    expect(hook.result.current.state).toEqual({ phase: 'needs-export', devices: 2 });
    expect(isSkippable(hook.result.current.state)).toBe(true);
    act(() => hook.result.current.takeFreshExport());
    const plan = await nextPlan(hook);
    expect(seen(phases)).toEqual(['idle', 'needs-export', 'exporting', 'downloading', 'planned']);
    expect(plan.source).toMatchObject({ kind: 'export', fresh: true });
    expect(plan.summary).toMatchObject({ create: 1, update: 1 });
  });
});
