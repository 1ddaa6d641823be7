// PostGraphile 5 over the bench database, with the gateway's row-level security: every request runs as
// hanjiang_app with the app.* settings taken from the verified JWT (pgSettings). Run on Node ≥ 22:
//   <node22> --import tsx src/servers/postgraphile.ts   (env: DATABASE_URL, PORT, JWT_SECRET, POOL_SIZE)
import { createServer } from 'node:http';
import { readScopeKey } from '@hanjiang/db';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { readServerEnv } from './env.js';
import { REQUEST_ROLE, settingsFromAuthorization } from './principal.js';

const env = readServerEnv();
const pool = new pg.Pool({ connectionString: env.databaseUrl, max: env.poolSize });
// Signs the tenant settings as the gateway does (the policies verify the signature on every statement).
const scopeKey = await readScopeKey(pool);

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false, graphqlPath: '/graphql' },
  grafast: {
    explain: false,
    context(requestContext) {
      const req = requestContext.node?.req;
      const header = req?.headers.authorization;
      const settings = settingsFromAuthorization(
        typeof header === 'string' ? header : undefined,
        env.jwtSecret,
        scopeKey,
      );
      // No valid token: settings empty, so row-level security matches nothing (as on the gateway).
      return { pgSettings: { role: REQUEST_ROLE, ...(settings ?? { 'app.tenant_kind': '' }) } };
    },
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
await pgl.getSchema();
// createHandler, not addTo: no websockets needed, and /readyz stays ours.
const handle = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === '/readyz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ready":true}');
    return;
  }
  handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(env.port, '127.0.0.1', () => {
  process.stdout.write(`postgraphile ready on ${env.port} (node ${process.version})\n`);
});

const stop = () => {
  server.close();
  void Promise.resolve(pgl.release())
    .then(() => pool.end())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
