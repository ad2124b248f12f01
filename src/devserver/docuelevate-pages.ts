// The HTML pages of the test server: DocuElevate's standalone login page and pages on its main layout.

/**
 * Renders the standalone login page. Like DocuElevate's, it carries the CSRF token only in the
 * form's hidden `csrf_token` field and has no `<meta name="csrf-token">`.
 */
export function renderLoginPage(page: { csrfToken: string; error: string | null; message: string | null }): string {
  const notices = [
    page.error === null ? '' : `<div class="alert alert-error">${escapeHtml(page.error)}</div>`,
    page.message === null ? '' : `<div class="alert alert-info">${escapeHtml(page.message)}</div>`,
  ].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Login - DocuElevate</title>
</head>
<body>
<main class="login">
<h1>Sign in to DocuElevate</h1>
${notices}
<form method="post" action="/auth">
<input type="hidden" name="csrf_token" value="${escapeHtml(page.csrfToken)}">
<label>Username <input type="text" name="username" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}

/** Renders a page on DocuElevate's main layout, which carries the session's CSRF token as a meta tag. */
export function renderMainLayoutPage(page: { title: string; csrfToken: string; userName: string | null }): string {
  const account =
    page.userName === null ? '<a href="/login">Login</a>' : `${escapeHtml(page.userName)} <a href="/logout">Logout</a>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="csrf-token" content="${escapeHtml(page.csrfToken)}">
<title>${escapeHtml(page.title)} - DocuElevate</title>
</head>
<body>
<nav><a href="/upload">Upload</a> <a href="/settings">Settings</a> <span class="account">${account}</span></nav>
<main><h1>${escapeHtml(page.title)}</h1></main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
