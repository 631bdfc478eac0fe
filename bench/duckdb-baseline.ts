// The baseline of benchmark-network: the same rows in DuckDB (in memory) and the equivalent SQL.
import SQLite from 'better-sqlite3';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

const TABLES: { name: string; ddl: string; select: string }[] = [
  { name: 'organizations', ddl: 'id INTEGER, code VARCHAR, timezone VARCHAR', select: 'SELECT id, code, timezone FROM organizations' },
  { name: 'groups', ddl: 'id INTEGER, code VARCHAR', select: 'SELECT id, code FROM groups' },
  { name: 'group_members', ddl: 'group_id INTEGER, organization_id INTEGER', select: 'SELECT group_id, organization_id FROM group_members' },
  { name: 'accounts', ddl: 'id INTEGER, organization_id INTEGER, platform VARCHAR, handle VARCHAR', select: 'SELECT id, organization_id, platform, handle FROM accounts' },
  { name: 'snapshots', ddl: 'account_id INTEGER, date DATE, followers BIGINT', select: 'SELECT account_id, date, followers FROM audience_snapshots' },
  { name: 'posts', ddl: 'id INTEGER, account_id INTEGER, published_at TIMESTAMPTZ, type VARCHAR, text VARCHAR', select: 'SELECT id, account_id, published_at, type, text FROM posts' },
  { name: 'post_metrics', ddl: 'post_id INTEGER, measured_at VARCHAR, likes BIGINT, comments BIGINT', select: 'SELECT post_id, measured_at, likes, comments FROM post_metrics' },
];

/** Copies the rows DuckDB needs from the SQLite file into an in-memory DuckDB; returns the connection. */
export async function loadDuckDb(sqlitePath: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const lite = new SQLite(sqlitePath, { readonly: true });
  try {
    for (const t of TABLES) {
      await duck.run(`CREATE TABLE ${t.name} (${t.ddl})`);
      const appender = await duck.createAppender(t.name);
      const cols = t.ddl.split(',').map((c) => c.trim().split(' ')[1]);
      for (const row of lite.prepare(t.select).raw().iterate() as Iterable<unknown[]>) {
        row.forEach((v, i) => {
          if (v === null || v === undefined) appender.appendNull();
          else if (cols[i] === 'INTEGER') appender.appendInteger(Number(v));
          else if (cols[i] === 'BIGINT') appender.appendBigInt(BigInt(Number(v)));
          else appender.appendVarchar(String(v));
        });
        appender.endRow();
      }
      appender.closeSync();
    }
  } finally {
    lite.close();
  }
  return duck;
}

/** The five pillars and the composite of every member of `group` on `platform` over [from, to]. */
export function benchmarkSql(group: string, platform: string, from: string, to: string): string {
  return `
WITH acc AS (
  SELECT a.id, a.organization_id, a.handle, o.timezone
  FROM accounts a JOIN organizations o ON o.id = a.organization_id
  JOIN group_members gm ON gm.organization_id = o.id JOIN groups g ON g.id = gm.group_id
  WHERE g.code = '${group}' AND a.platform = '${platform}'),
p AS (
  SELECT p.id, p.account_id, acc.organization_id, acc.handle, p.type, p.text,
         CAST(timezone(acc.timezone, p.published_at) AS DATE) AS d
  FROM posts p JOIN acc ON acc.id = p.account_id
  WHERE p.published_at >= TIMESTAMPTZ '${from}' - INTERVAL 1 DAY AND p.published_at < TIMESTAMPTZ '${to}' + INTERVAL 2 DAY),
latest AS (
  SELECT m.post_id, arg_max(m.likes, m.measured_at) AS likes, arg_max(m.comments, m.measured_at) AS comments
  FROM post_metrics m SEMI JOIN p ON p.id = m.post_id GROUP BY m.post_id),
pp AS (
  SELECT p.*, l.likes, l.comments, s.followers,
    CASE WHEN l.likes IS NULL AND l.comments IS NULL THEN NULL ELSE coalesce(l.likes, 0) + coalesce(l.comments, 0) END AS eng,
    len(list_filter(list_transform(regexp_extract_all(p.text, '(?:^|[^A-Za-z0-9_.])@([A-Za-z0-9_.]+)', 1), x -> rtrim(x, '.')),
        x -> x <> '' AND lower(x) <> lower(p.handle))) > 0 AS mentions
  FROM p LEFT JOIN latest l ON l.post_id = p.id
  ASOF LEFT JOIN snapshots s ON s.account_id = p.account_id AND p.d >= s.date
  WHERE p.d BETWEEN DATE '${from}' AND DATE '${to}'),
ends AS (
  SELECT acc.id, acc.organization_id, e.which, e.d FROM acc
  CROSS JOIN (VALUES ('start', DATE '${from}'), ('end', DATE '${to}')) e(which, d)),
aud AS (
  SELECT ends.organization_id,
    sum(s.followers) FILTER (WHERE ends.which = 'start') AS start_f,
    sum(s.followers) FILTER (WHERE ends.which = 'end') AS end_f
  FROM ends ASOF LEFT JOIN snapshots s ON s.account_id = ends.id AND ends.d >= s.date
  GROUP BY ends.organization_id),
org AS (
  SELECT o.organization_id,
    coalesce(x.n, 0) / (DATE '${to}' - DATE '${from}' + 1) * 7 AS posts_per_week,
    100.0 * x.visual / nullif(x.n, 0) AS visual_share,
    x.er AS er,
    (a.end_f - a.start_f) * 100.0 / nullif(a.start_f, 0) AS growth_pct,
    100.0 * x.mentioning / nullif(x.n, 0) AS mention_share
  FROM (SELECT DISTINCT organization_id FROM acc) o
  LEFT JOIN (SELECT organization_id, count(*) AS n,
      count(*) FILTER (WHERE type IN ('image','carousel','video','reel','short','story','live')) AS visual,
      avg(CASE WHEN eng IS NOT NULL AND followers > 0 THEN eng * 100.0 / followers END) AS er,
      count(*) FILTER (WHERE mentions) AS mentioning
    FROM pp GROUP BY organization_id) x ON x.organization_id = o.organization_id
  LEFT JOIN aud a ON a.organization_id = o.organization_id),
long AS (
  UNPIVOT org ON posts_per_week, visual_share, er, growth_pct, mention_share INTO NAME metric VALUE v),
pct AS (
  SELECT organization_id, metric, v,
    (rank() OVER (PARTITION BY metric ORDER BY v) - 1 + 0.5 * count(*) OVER (PARTITION BY metric, v))
      / count(*) OVER (PARTITION BY metric) * 100 AS percentile
  FROM long WHERE v IS NOT NULL)
SELECT organization_id, avg(percentile) AS composite FROM pct GROUP BY organization_id ORDER BY composite DESC`;
}
