// The authority's few HTML pages. They load nothing from the network (oidc-provider's defaults
// @import Google Fonts, which fails offline) and use plain labelled controls so e2e tests can find
// them by role and label.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;padding:48px 16px}
main{max-width:360px;margin:0 auto;background:#fff;border-radius:8px;padding:24px 32px;box-shadow:0 1px 4px rgba(0,0,0,.2)}
h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:16px;font-weight:600}
input{display:block;width:100%;box-sizing:border-box;padding:8px;margin-top:4px;font-size:1rem}
button{margin-top:24px;width:100%;padding:10px;font-size:1rem;background:#1565c0;color:#fff;border:0;border-radius:4px;cursor:pointer}
[role=alert]{background:#fdecea;color:#8a1c1c;padding:8px 12px;border-radius:4px;margin-top:16px}
.hint{color:#555;font-size:.85rem;margin-top:24px}`;

function page(title: string, body: string, extraHead = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
${extraHead}
</head>
<body><main>${body}</main></body>
</html>`;
}

export interface LoginPageInput {
  action: string;
  clientId: string;
  username?: string;
  error?: string;
}

export function loginPage(input: LoginPageInput): string {
  const alert = input.error
    ? `<p role="alert" id="login-error">${escapeHtml(input.error)}</p>`
    : '';
  const describedBy = input.error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  // After a refused attempt the username is kept, so the cursor goes where the retyping happens.
  const focusPassword = Boolean(input.username);
  return page(
    'Sign in - local authority',
    `<h1>Sign in</h1>
<p>Local OpenID Connect authority for <strong>${escapeHtml(input.clientId)}</strong>.</p>
${alert}
<form method="post" action="${escapeHtml(input.action)}" autocomplete="off">
<label for="username">Username</label>
<input id="username" name="username" type="text" required${focusPassword ? '' : ' autofocus'} value="${escapeHtml(input.username ?? '')}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" required${focusPassword ? ' autofocus' : ''}${describedBy}>
<button type="submit">Sign in</button>
</form>
<p class="hint">Test users are printed by <code>npm start</code> and listed in docs/dev-stack.md.</p>`,
  );
}

/**
 * MSAL's logoutRedirect lands on oidc-provider's end-session confirmation; Entra signs out without
 * asking, so this page submits the provider's own form (with its xsrf field) by itself.
 */
export function logoutPage(form: string): string {
  return page(
    'Signing out',
    `<h1>Signing out…</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout">Sign out</button>
<script>document.getElementById('logout').click()</script>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Signed out',
    '<h1>Signed out</h1><p>You have been signed out of the local authority.</p>',
  );
}

export function errorPage(details: Record<string, string | undefined>): string {
  const rows = Object.entries(details)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`)
    .join('\n');
  return page('Sign-in error', `<h1>Something went wrong</h1>\n<div role="alert">${rows}</div>`);
}
