// Child process of import.bench.ts: imports one posts CSV into an SQLite file and prints
// {"rows","seconds","maxRssMb"} as JSON, so that peak memory is the import's own.
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { makeDeps, SYSTEM } from '../src/actions/context.ts';
import { importFiles } from '../src/actions/imports.ts';
import { createReadStream, statSync } from 'node:fs';

const [dbPath, setupDir, csvPath] = process.argv.slice(2);
if (!dbPath || !setupDir || !csvPath) throw new Error('usage: import-worker DB SETUP_DIR POSTS_CSV');
const db = openDatabase({ kind: 'sqlite', path: dbPath });
await migrateToLatest(db);
const deps = makeDeps(db);
const file = (path: string) => ({ name: path, size: statSync(path).size, open: () => createReadStream(path, { highWaterMark: 1 << 20 }) });
const setup = await importFiles(SYSTEM, [file(`${setupDir}/organizations.csv`), file(`${setupDir}/accounts.csv`)], {}, deps);
if (setup.rejected) throw new Error(JSON.stringify(setup.files));
const t = performance.now();
const r = await importFiles(SYSTEM, [file(csvPath)], {}, deps);
const seconds = (performance.now() - t) / 1000;
if (r.rejected) throw new Error(JSON.stringify(r.files[0]?.problems));
await db.close();
process.stdout.write(JSON.stringify({ rows: r.files[0]?.counts.posts?.added ?? 0, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
