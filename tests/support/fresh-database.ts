import pg from 'pg';

/** A Postgres schema of its own per test, so runs never see each other's sessions: the URL points at it. */
export async function freshDatabase(base: string, prefix: string): Promise<string> {
  const schema = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
