import type { DevStack } from './stack';

// What `npm start` prints once everything listens. The last line is exactly `App: <url>`:
// scripts and people wait for it.

export function formatBanner(stack: DevStack, appUrl: string): string[] {
  const width = Math.max(...stack.users.map((user) => user.username.length));
  const passwordWidth = Math.max(...stack.users.map((user) => user.password.length));
  const roleWidth = Math.max(...stack.users.map((user) => user.roles.join(', ').length));
  return [
    '',
    'Test users (sign in on the app with one of these):',
    ...stack.users.map(
      (user) =>
        `  ${user.username.padEnd(width)}  password ${user.password.padEnd(passwordWidth)}  role ${user.roles.join(', ').padEnd(roleWidth)}  (${user.name}: ${user.access})`,
    ),
    '',
    `OIDC authority: ${stack.oidc.issuer}`,
    ...stack.hubs.map(
      ({ id, displayName, emulator }) =>
        `Hub ${id}:      ${emulator.url} (HostName ${emulator.hostName}, "${displayName}")`,
    ),
    `Azurite blob:   ${stack.azurite.blobEndpoint}`,
    `Azurite queue:  ${stack.azurite.queueEndpoint}`,
    `Azurite table:  ${stack.azurite.tableEndpoint}`,
    `Local CA:       ${stack.caCertPath}`,
    ...(stack.identityMode
      ? [
          `Identity mode:  no keys; the proxy uses Entra tokens for the hub and storage, the hub reaches job storage ${stack.identityMode === 'identityBased' ? 'with its own identity' : 'by user-delegation SAS'}`,
        ]
      : []),
    '  Trust this CA once so the browser accepts the sign-in page: see docs/local-tls.md',
    '',
    `App: ${appUrl}`,
  ];
}
