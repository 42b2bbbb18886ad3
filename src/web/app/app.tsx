import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import type { SpaConfig } from '../../contracts/api';
import { QueryRoot, ThemeRoot } from './app-providers';
import { PlanSettingsContext } from '../lib/plan-settings';
import type { ConsoleHub } from '../lib/hubs/console-hub';
import { ApiScopeContext } from './api-scope-context';
import { AuthGate } from './auth-gate';
import { GlobalStyle } from './global-style';

interface AppProps {
  pca: IPublicClientApplication;
  config: SpaConfig;
  hubs: readonly ConsoleHub[];
}

export function App({ pca, config, hubs }: AppProps) {
  return (
    <ThemeRoot>
      <GlobalStyle />
      <MsalProvider instance={pca}>
        <QueryRoot>
          <ApiScopeContext value={config.auth.apiScope}>
            <PlanSettingsContext value={config.plan}>
              <AuthGate apiScope={config.auth.apiScope} hubs={hubs} />
            </PlanSettingsContext>
          </ApiScopeContext>
        </QueryRoot>
      </MsalProvider>
    </ThemeRoot>
  );
}
