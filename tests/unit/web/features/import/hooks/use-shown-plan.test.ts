// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegistryPlanState } from '../../../../../../src/web/features/import/hooks/use-registry-plan';
import { useShownPlan } from '../../../../../../src/web/features/import/hooks/use-shown-plan';
import type { RegistryPlan } from '../../../../../../src/web/features/import/model/plan-against-registry';

const planned = (name: string): RegistryPlanState => ({
  phase: 'planned',
  plan: { jobText: name } as unknown as RegistryPlan,
});
const reading: RegistryPlanState = { phase: 'reading', done: 0, total: 3 };

interface Props {
  f: File | null;
  output: Blob | null;
  state: RegistryPlanState;
}

describe('useShownPlan', () => {
  it('keeps the plan of a file while a re-conversion of it is planned again, and drops it for another file', () => {
    const file = new File(['a'], 'a.csv');
    const first = new Blob(['1']);
    const second = new Blob(['2']);
    const plan1 = planned('plan 1');
    const plan2 = planned('plan 2');
    const initialProps: Props = { f: file, output: first, state: reading };
    const view = renderHook(({ f, output, state }: Props) => useShownPlan(f, output, state), {
      initialProps,
    });
    // The first plan of a file: its reading shows as such.
    expect(view.result.current).toEqual({ state: reading, updating: false });
    view.rerender({ f: file, output: first, state: plan1 });
    expect(view.result.current).toEqual({ state: plan1, updating: false });

    // A new output of the same file, before the plan hook has even started on it: the old plan
    // shows, marked as updating, and never as the new output's plan.
    view.rerender({ f: file, output: second, state: plan1 });
    expect(view.result.current).toEqual({ state: plan1, updating: true });
    view.rerender({ f: file, output: second, state: reading });
    expect(view.result.current).toEqual({ state: plan1, updating: true });
    // The registry read, the plan is made in the worker: still the old plan, still updating.
    view.rerender({
      f: file,
      output: second,
      state: { phase: 'planning', source: { kind: 'lookup' }, progress: null },
    });
    expect(view.result.current).toEqual({ state: plan1, updating: true });
    view.rerender({ f: file, output: second, state: plan2 });
    expect(view.result.current).toEqual({ state: plan2, updating: false });

    // Another file: the last file's plan is not shown for it, not even for one render.
    const other = new File(['b'], 'b.csv');
    view.rerender({ f: other, output: new Blob(['3']), state: plan2 });
    expect(view.result.current).toEqual({ state: { phase: 'idle' }, updating: false });
  });
});
