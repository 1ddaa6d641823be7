import { createDataSource, runMigrations, ensureDatabase, dropDatabase } from '../src/index.js';
const url = 'postgres://postgres@127.0.0.1:5432/hj_scratch_mig';
await dropDatabase(url).catch(() => undefined);
await ensureDatabase(url);
const ds = createDataSource({ url, poolSize: 4 });
await ds.initialize();
console.log(await runMigrations(ds));
await ds.destroy();
