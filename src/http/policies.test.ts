// Every API route has exactly one policy entry, and every entry names a real route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.ts';
import { POLICIES } from './policies.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** METHOD /path of every route in the OpenAPI document, plus the two that describe it. */
export async function documentedRoutes(app: TestApp): Promise<string[]> {
  const doc = (await app.request('GET', '/api/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  return [...routes, 'GET /openapi.json', 'GET /docs'].sort();
}

describe('the access policy table', () => {
  it('covers every route, and only real ones', async () => {
    const routes = await documentedRoutes(t);
    expect(routes.filter((r) => !(r in POLICIES))).toEqual([]);
    expect(Object.keys(POLICIES).filter((k) => !routes.includes(k))).toEqual([]);
  });
});
