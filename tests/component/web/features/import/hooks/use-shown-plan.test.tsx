import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegistryPlan } from '../../../../../../src/web/features/import/model/plan-against-registry';
import type { RegistryPlanState } from '../../../../../../src/web/features/import/hooks/use-registry-plan';
import { useShownPlan } from '../../../../../../src/web/features/import/hooks/use-shown-plan';

// Which plan the wizard shows while a file is converted and planned again: the last plan of the
// same file, marked updating, never a plan made for another output or another file.

interface Props {
  file: File | null;
  output: Blob | null;
  state: RegistryPlanState;
}

const planned = (takenAt: string): RegistryPlanState => ({
  phase: 'planned',
  plan: { takenAt } as RegistryPlan,
});

function render(initial: Props) {
  return renderHook((props: Props) => useShownPlan(props.file, props.output, props.state), {
    initialProps: initial,
  });
}

describe('useShownPlan', () => {
  const file = new File(['a'], 'devices.csv');
  const first = new Blob(['first']);
  const second = new Blob(['second']);

  it('shows the plan of the output on screen as it is', () => {
    const plan = planned('t1');
    const hook = render({ file, output: first, state: plan });
    expect(hook.result.current).toEqual({ state: plan, updating: false });
  });

  it('keeps the last plan of the same file, updating, while the new output is read and planned', () => {
    const plan = planned('t1');
    const hook = render({ file, output: first, state: plan });
    // The plan hook has not started on the new output yet: its state is still the old plan.
    hook.rerender({ file, output: second, state: plan });
    expect(hook.result.current).toEqual({ state: plan, updating: true });
    for (const state of [
      { phase: 'reading', done: 0, total: 2 },
      { phase: 'planning', source: { kind: 'lookup' }, progress: null },
    ] as RegistryPlanState[]) {
      hook.rerender({ file, output: second, state });
      expect(hook.result.current).toEqual({ state: plan, updating: true });
    }
    const next = planned('t2');
    hook.rerender({ file, output: second, state: next });
    expect(hook.result.current).toEqual({ state: next, updating: false });
  });

  it('never passes an old output’s plan off as another file’s: shows idle instead', () => {
    const plan = planned('t1');
    const hook = render({ file, output: first, state: plan });
    const other = new File(['b'], 'other.csv');
    hook.rerender({ file: other, output: second, state: plan });
    expect(hook.result.current).toEqual({ state: { phase: 'idle' }, updating: false });
    const reading: RegistryPlanState = { phase: 'reading', done: 0, total: 1 };
    hook.rerender({ file: other, output: second, state: reading });
    expect(hook.result.current).toEqual({ state: reading, updating: false });
  });

  it('shows a failure of the new plan at once, not the old plan', () => {
    const plan = planned('t1');
    const hook = render({ file, output: first, state: plan });
    const failed: RegistryPlanState = { phase: 'failed', error: new Error('no') };
    hook.rerender({ file, output: second, state: failed });
    expect(hook.result.current).toEqual({ state: failed, updating: false });
  });
});
