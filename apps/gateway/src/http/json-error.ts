import type { ServerResponse } from 'node:http';
import { type BilingualMessage, ErrorCode, errorMessages } from '@hanjiang/domain';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/**
 * Answers with the gateway's one error shape — `{ errors: [{ message, extensions: { code, messageZh,
 * messageEn, detail? } }] }` as JSON — for failures outside GraphQL execution (the body could not be read or
 * parsed). Never a stack trace, a path or the server's own message.
 */
export function writeJsonError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: BilingualMessage = errorMessages[code],
  detail?: string,
): void {
  const body = {
    errors: [
      {
        message: message.en,
        extensions: { code, messageZh: message.zh, messageEn: message.en, ...(detail ? { detail } : {}) },
      },
    ],
  };
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

interface BodyError {
  status: number;
  message: BilingualMessage;
  detail: string;
}

/** body-parser's (and raw-body's) error types: the client's request was at fault. */
function bodyError(type: unknown, limit: unknown): BodyError | null {
  switch (type) {
    case 'entity.too.large':
      return {
        status: 413,
        detail: 'body_too_large',
        message: {
          zh: `请求体过大${typeof limit === 'number' ? `(上限 ${Math.floor(limit / 1000)} KB)` : ''}`,
          en: `The request body is too large${typeof limit === 'number' ? ` (limit ${Math.floor(limit / 1000)} kB)` : ''}`,
        },
      };
    case 'entity.parse.failed':
      return {
        status: 400,
        detail: 'invalid_json',
        message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
      };
    case 'charset.unsupported':
      return {
        status: 415,
        detail: 'unsupported_charset',
        message: { zh: '不支持该字符集,请使用 UTF-8', en: 'Unsupported charset; send UTF-8' },
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        detail: 'unsupported_content_encoding',
        message: {
          zh: '不支持该内容编码(可用 gzip、deflate、br 或不压缩)',
          en: 'Unsupported content encoding (use gzip, deflate, br or none)',
        },
      };
    case 'request.size.invalid':
    case 'request.aborted':
      return {
        status: 400,
        detail: 'incomplete_body',
        message: { zh: '请求体不完整', en: 'The request body is incomplete' },
      };
    default:
      return null;
  }
}

/**
 * Express's last error handler. Without it express renders its HTML page, which outside NODE_ENV=production
 * holds the stack trace and the absolute paths of the server's files. Client faults keep their 4xx status;
 * anything else is logged and answered as INTERNAL_SERVER_ERROR.
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error); // express then ends the connection; nothing more can be said
      return;
    }
    const fields = (error ?? {}) as { type?: unknown; limit?: unknown; status?: unknown; expose?: unknown };
    const known = bodyError(fields.type, fields.limit);
    if (known) {
      writeJsonError(res, known.status, ErrorCode.BAD_USER_INPUT, known.message, known.detail);
      return;
    }
    const status = typeof fields.status === 'number' ? fields.status : 500;
    if (status >= 400 && status < 500 && fields.expose === true) {
      writeJsonError(res, status, ErrorCode.BAD_USER_INPUT, undefined, 'bad_request');
      return;
    }
    logger.error({ err: error, method: req.method, url: req.originalUrl }, 'unhandled HTTP error');
    writeJsonError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR);
  };
}

/** Unknown paths and methods: 404 in the same JSON shape instead of express's HTML "Cannot GET". */
export function jsonNotFound(): RequestHandler {
  return (_req, res) => {
    writeJsonError(res, 404, ErrorCode.NOT_FOUND, {
      zh: '没有这个地址(GraphQL 在 /graphql)',
      en: 'No such path (GraphQL is at /graphql)',
    });
  };
}
