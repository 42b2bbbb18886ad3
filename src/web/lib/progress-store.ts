import { useSyncExternalStore } from 'react';

/**
 * A value that changes often and that only one small component shows. Keeping it out of React state
 * means its updates re-render that component alone, not the page that owns it (a big wizard
 * re-rendering ten times a second shows up as main-thread long tasks).
 */
export interface ProgressStore<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

export function createProgressStore<T>(initial: T): ProgressStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useProgressStore<T>(store: ProgressStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
