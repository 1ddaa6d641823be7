// A larger JSON body limit for the roster import only. A 10,000-row roster is ≈ 1.3 MB as base64 CSV; the
// ordinary limit on /graphql (MAX_QUERY_BYTES × 10 = 200 kB) stays in force for everything else.
//
// Mount it on /graphql after the readiness gate and BEFORE the ordinary `express.json(...)` (which then skips
// the body this one already read):
//   importBodyParser({ normalLimitBytes: MAX_QUERY_BYTES * 10,
//     authenticate: async (req) => (await services.authenticator.authenticate(
//       req.header('authorization'), req.header('x-api-key'))).principal }),
import { can, type Principal } from '@hanjiang/authz';
import express, { type Request, type RequestHandler } from 'express';
import { Kind, OperationTypeNode, parse } from 'graphql';
import { ErrorCode, publicError } from '../errors/public-error.js';
import { PARSE_OPTIONS } from '../limits.js';
import { rateLimited } from '../pipeline/rate-limits.js';

/** Body limit of an importHouseholds request: an 8 MB file as base64 (×4/3) plus the envelope. */
export const IMPORT_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

export interface ImportBodyOptions {
  /** The ordinary /graphql body limit; smaller bodies are left to the ordinary parser. */
  readonly normalLimitBytes: number;
  /** The caller's principal from the request headers (null when anonymous); may reject on bad credentials. */
  readonly authenticate: (req: Request) => Promise<Principal | null>;
  /** Seconds until the principal may import again (its import quota), null when it may now. */
  readonly importWait: (principal: Principal) => Promise<number | null>;
}

/** True when the body is one mutation whose root fields are all `importHouseholds` (no other work rides along). */
export function isImportOnly(body: unknown): boolean {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, PARSE_OPTIONS);
    const [operation, ...rest] = document.definitions;
    return (
      rest.length === 0 &&
      operation?.kind === Kind.OPERATION_DEFINITION &&
      operation.operation === OperationTypeNode.MUTATION &&
      operation.selectionSet.selections.every(
        (s) => s.kind === Kind.FIELD && s.name.value === 'importHouseholds' && !s.directives?.length,
      )
    );
  } catch {
    return false;
  }
}

/**
 * Reads bodies larger than the ordinary limit only for a principal who may import at all (a commander of their
 * own tenant or the district admin, by `can`), and lets them through only when they carry nothing but
 * importHouseholds; anyone else meets the ordinary limit (413) exactly as before. Anonymous callers never make the
 * gateway buffer more than the ordinary limit.
 */
export function importBodyParser(options: ImportBodyOptions): RequestHandler {
  const parser = express.json({ limit: IMPORT_BODY_LIMIT_BYTES });
  return (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (req.method !== 'POST' || (Number.isFinite(declared) && declared <= options.normalLimitBytes)) {
      next();
      return;
    }
    const admit = async () => {
      const principal = await options.authenticate(req);
      const mayImport = can(principal, 'household:import', {
        tenantCode: principal?.tenantCode ?? '',
      }).allowed;
      // A quota that cannot be read admits: the service asks it again before parsing.
      const wait = principal && mayImport ? await options.importWait(principal).catch(() => null) : null;
      return { mayImport, wait };
    };
    admit().then(
      ({ mayImport, wait }) => {
        if (!mayImport) {
          next();
          return;
        }
        if (wait !== null) {
          // Over its import quota: refused before its body is read (the connection closes, the body unread).
          const refusal = rateLimited(wait);
          res.setHeader('connection', 'close');
          res.setHeader('retry-after', String(wait));
          res.status(429).json({ errors: [refusal.toJSON()] });
          return;
        }
        parser(req, res, (error?: unknown) => {
          if (error) {
            next(error);
            return;
          }
          if (isImportOnly(req.body)) {
            next();
            return;
          }
          const tooLarge = publicError(ErrorCode.BAD_USER_INPUT, {
            zh: '请求体过大:只有征迁户导入可以超过常规大小',
            en: 'Request body too large: only importHouseholds may exceed the ordinary limit',
          });
          res.status(413).json({ errors: [tooLarge.toJSON()] });
        });
      },
      // Bad credentials: the ordinary path reports them (or its limit) as it always has.
      () => next(),
    );
  };
}
