// End-to-end: `socialbench import` and `socialbench export` as a user runs them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget } from '../../testing/db.ts';
import { ACCOUNTS, ORGS } from '../../ingest/testing.ts';

const BIN = resolve(import.meta.dirname, '../../../bin/socialbench.js');
const dir = mkdtempSync(join(tmpdir(), 'sb-import-cli-'));
let env: Record<string, string> = {};
let dbArgs: string[] = [];
let remove: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const t = await createTestTarget();
  remove = t.remove;
  if (t.target.kind === 'postgres') env = { DATABASE_URL: t.target.url, DATA_DIR: dir };
  else {
    env = { DATABASE_URL: '', DATA_DIR: dir };
    dbArgs = ['--db', t.target.path];
  }
});
afterAll(async () => remove());

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...dbArgs, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('socialbench import / export', () => {
  it('imports, refuses a bad file with exit 1, exports, and re-imports the export unchanged', async () => {
    writeFileSync(join(dir, 'organizations.csv'), ORGS);
    writeFileSync(join(dir, 'accounts.csv'), ACCOUNTS);
    writeFileSync(join(dir, 'snapshots.csv'), 'platform;handle;date;followers\ninstagram;bsn_sni;2019-01-01;52.300\n');
    const ok = await run(['import', 'accounts.csv', 'organizations.csv']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('organizations: 2 added, 0 updated, 0 unchanged');

    const bad = await run(['import', 'snapshots.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('snapshots.csv, row 2, followers: 52.300 has a grouping separator');
    expect((await run(['import', 'snapshots.csv', '--locale', 'id'])).code).toBe(0);

    const exp = await run(['export', '--format', 'csv', '--out', 'out']);
    expect(exp.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'snapshots.csv'), 'utf8')).toContain('instagram,bsn_sni,2019-01-01,52300');
    const again = await run(['import', 'out/organizations.csv', 'out/accounts.csv', 'out/snapshots.csv', 'out/posts.csv', '--atomic', '--format', 'json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { rejected: boolean; files: { counts: Record<string, { added: number; updated: number }> }[] };
    expect(report.rejected).toBe(false);
    for (const f of report.files) for (const c of Object.values(f.counts)) expect(c).toMatchObject({ added: 0, updated: 0 });
  }, 240_000);
});
