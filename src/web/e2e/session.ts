// Browser-side steps shared by the e2e tests and the screenshot script: sign in through the form,
// call the API with the page's session (and its CSRF token), and create users with the CLI.
import type { Page } from 'playwright-core';
import type { Server } from './harness.ts';

/** True when the server has sign-in (the lead's auth); until then the API is open. */
export async function hasAuth(server: Server): Promise<boolean> {
  const r = await fetch(`${server.url}/api/auth/me`);
  return r.status !== 404;
}

/** Adds a user through `socialbench user add … --password-stdin`. */
export async function addUser(server: Server, u: { email: string; role: string; password: string; org?: string; network?: string; name?: string }): Promise<void> {
  const args = ['user', 'add', '--email', u.email, '--role', u.role, '--password-stdin'];
  if (u.org) args.push('--org', u.org);
  if (u.network) args.push('--network', u.network);
  if (u.name) args.push('--name', u.name);
  const r = await server.cli(args, `${u.password}\n`);
  if (r.code !== 0) throw new Error(`user add failed (${r.code}): ${r.stderr || r.stdout}`);
}

/** Signs in through the form (the page must show it). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(/^(E-mail)/).first().fill(email);
  await page.getByLabel(/^(Password|Kata sandi)/).first().fill(password);
  await page.getByRole('button', { name: /^(Sign in|Masuk)$/ }).click();
}

/** Calls the API with the page's cookies, sending the CSRF token on writes. */
export async function apiAs(page: Page, method: string, path: string, body?: unknown, multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer } | string>): Promise<{ status: number; json: unknown }> {
  const base = new URL(page.url()).origin;
  const me = await page.request.get(`${base}/api/auth/me`);
  const csrf = me.ok() ? ((await me.json()) as { csrf_token?: string }).csrf_token : undefined;
  const headers: Record<string, string> = csrf ? { 'X-CSRF-Token': csrf } : {};
  const res = await page.request.fetch(`${base}${path}`, {
    method,
    headers,
    ...(multipart ? { multipart } : body !== undefined ? { data: body } : {}),
  });
  let json: unknown = null;
  try {
    json = await res.json();
  } catch {
    // no body
  }
  return { status: res.status(), json };
}
