// Creates or drops a throwaway database for CI: node throwaway-database.mjs create|drop <url>
// Exits 3 (with a reason) when nothing answers at the URL, so CI can skip that pass.
import pg from 'pg';

const [action, url] = process.argv.slice(2);
if (!['create', 'drop', 'probe'].includes(action ?? '') || !url) {
  console.error('usage: throwaway-database.mjs create|drop|probe <postgres-url>');
  process.exit(2);
}
const target = new URL(url);
const name = target.pathname.slice(1);
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
try {
  await client.connect();
} catch (error) {
  console.error(`no PostgreSQL answers at ${admin.host}: ${error.message}`);
  process.exit(3);
}
try {
  if (action === 'create') await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  if (action === 'drop')
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
} finally {
  await client.end();
}
