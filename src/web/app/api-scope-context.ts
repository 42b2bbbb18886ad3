import { createContext, useContext } from 'react';

// The API scope from /config.json, for the few shell components that start a sign-in.
export const ApiScopeContext = createContext<string>('');

export function useApiScope(): string {
  return useContext(ApiScopeContext);
}
