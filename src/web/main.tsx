import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApiClient } from './lib/api-client';
import { loadConfig } from './lib/load-config';
import { createMsalInstance } from './features/auth/create-msal-instance';
import { createAccessTokenProvider } from './features/auth/create-access-token-provider';
import { App } from './app/app';
import { ThemeRoot } from './app/app-providers';
import { StartupErrorPage } from './app/startup-error-page';
import { FullPageMessage } from './components/full-page-message';
import { LoadingBlock } from './components/loading-block';

// Order matters: the configuration names the authority, MSAL must be initialized before any
// React render uses it, and the API client needs the token provider before the first query.
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  const show = (node: ReactNode) =>
    root.render(
      <StrictMode>
        <ThemeRoot>{node}</ThemeRoot>
      </StrictMode>,
    );

  show(
    <FullPageMessage title="IoT bulk console">
      <LoadingBlock label="Starting..." />
    </FullPageMessage>,
  );
  const loaded = await loadConfig();
  if (!loaded.ok) {
    show(<StartupErrorPage reason={loaded.reason} />);
    return;
  }
  try {
    const pca = await createMsalInstance(loaded.config);
    configureApiClient({
      getAccessToken: createAccessTokenProvider(pca, loaded.config.auth.apiScope),
    });
    root.render(
      <StrictMode>
        <App pca={pca} config={loaded.config} hubs={loaded.hubs} />
      </StrictMode>,
    );
  } catch (error) {
    show(<StartupErrorPage reason={`Sign-in could not be set up: ${(error as Error).message}`} />);
  }
}

void start();
