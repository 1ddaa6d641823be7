import type { ServerResponse } from 'node:http';
import type { Principal } from '@hanjiang/authz';
import { ErrorCode } from '@hanjiang/domain';
import { GraphQLError, type GraphQLFormattedError, type OperationDefinitionNode, parse } from 'graphql';
import type { GatewayContext, Services } from '../context.js';
import type { HouseholdFilter } from '../modules/household/household.inputs.js';
import { operationNotAllowed } from '../pipeline/allow-list.js';
import { keySettingsOf } from '../credentials/api-keys.js';
import { auditIntegratorOperation } from '../pipeline/integrator-audit.js';
import { firstRefusal, type OperationPolicy } from '../pipeline/policies.js';
import { recordRefusal } from '../pipeline/refusals.js';
import { writeJsonError } from './json-error.js';

/** The name the download goes by in the audit log (the `operation` column) and the logs. */
export const DOWNLOAD_LABEL = 'GET /exports/households';

/**
 * The download with header credentials, as the operation the policies judge: one operation's rate and the least
 * cost (its rows are bounded by EXPORT_MAX_ROWS and its time by EXPORT_MAX_SECONDS). No client sends this text;
 * its hash is the download's in the integrator audit.
 */
const DOWNLOAD = parse(
  `# ${DOWNLOAD_LABEL} with header credentials\n` +
    'query ExportDownload($filter: HouseholdFilter) { exportHouseholds(format: CSV, filter: $filter) { rowCount } }',
);
const DOWNLOAD_OPERATION = DOWNLOAD.definitions[0] as OperationDefinitionNode;

/** The stages the download shares with /graphql, wired in server.ts. */
export interface DownloadStages {
  /** THE policy list (pipeline/policies.ts): NUL input, read-only keys, the rate limit and cost budget, allow-lists. */
  readonly policies: readonly OperationPolicy[];
  /** The FORMAT_ERRORS stage (errors/format-error.ts). */
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}

/**
 * The POLICIES stage for the header form: the same list as every entry. An allow-list key is then refused too,
 * whatever it registered: it may download only through a ticket, which a registered `exportHouseholds` issued.
 * The ticket form is not judged again: the operation that issued it passed this list (and was charged).
 */
export async function downloadRefusal(
  policies: readonly OperationPolicy[],
  principal: Principal,
  filter: HouseholdFilter | null,
  clientAddress: string | null,
): Promise<GraphQLError | null> {
  const refusal = await firstRefusal(policies, {
    document: DOWNLOAD,
    operation: DOWNLOAD_OPERATION,
    variables: { filter },
    principal,
    transport: 'http',
    clientAddress,
  });
  if (refusal) return refusal;
  return keySettingsOf(principal)?.allowListOnly ? operationNotAllowed() : null;
}

/**
 * The END_OPERATION stage's integrator audit (an API key's download, either form): the rows actually streamed,
 * the duration and the outcome — SERVICE_UNAVAILABLE when the time bound cut the transfer.
 */
export function auditDownload(ctx: GatewayContext, rows: number, cut: boolean): void {
  auditIntegratorOperation(ctx, DOWNLOAD_OPERATION, DOWNLOAD_LABEL, null, {
    document: DOWNLOAD,
    rows,
    errors: cut ? [{ extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] : undefined,
  });
}

/** Who was refused: what the refusal audit needs (known once the caller is). */
export interface DownloadOrigin {
  principal: Principal | null;
  readonly clientAddress: string | null;
  readonly requestId: string;
}

/**
 * A refusal before streaming: recorded in the refusal audit like every entry's, then answered in the gateway's
 * JSON error shape by the one error formatter (status and headers — 429's Retry-After — from the error's `http`
 * extension). After streaming began the transfer is cut instead: the client sees an incomplete body.
 */
export function failDownload(
  res: ServerResponse,
  error: unknown,
  services: Services,
  stages: DownloadStages,
  origin: DownloadOrigin,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError('download failed', { originalError: error as Error });
  recordRefusal(
    services.audit,
    { ...origin, transport: 'http', operation: DOWNLOAD_OPERATION, operationName: DOWNLOAD_LABEL },
    graphqlError,
  );
  const formatted = stages.formatError(graphqlError.toJSON(), graphqlError);
  const code = formatted.extensions?.code as ErrorCode;
  const http = graphqlError.extensions.http as
    { status?: number; headers?: ReadonlyMap<string, string> } | undefined;
  for (const [name, value] of http?.headers ?? []) res.setHeader(name, value);
  const status =
    code === ErrorCode.INTERNAL_SERVER_ERROR
      ? 500
      : code === ErrorCode.SERVICE_UNAVAILABLE
        ? 503
        : (http?.status ?? (code === ErrorCode.UNAUTHENTICATED ? 401 : 400));
  const ext = formatted.extensions as { messageZh: string; messageEn: string; detail?: string };
  writeJsonError(res, status, code, { zh: ext.messageZh, en: ext.messageEn }, ext.detail);
}
