// Restarts the e2e stack's proxy (global-setup.ts serves the control endpoint): same port, same
// Azurite and hub, a fresh process state, as after a redeploy.
export async function restartProxy(): Promise<void> {
  const url = process.env.E2E_CONTROL_URL;
  if (!url)
    throw new Error('E2E_CONTROL_URL is not set; run the suite through playwright.config.ts');
  const response = await fetch(`${url}/restart-proxy`, { method: 'POST' });
  if (response.status !== 204)
    throw new Error(`restart failed: ${response.status} ${await response.text()}`);
}
