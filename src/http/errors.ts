// Maps every error to the one shape the API answers with: {"error": {"code", "message", "details"}}.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { DomainError, TooManyAttempts, type ErrorCode, type ErrorDetail } from '../core/errors.ts';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function errorBody(code: string, message: string, details: ErrorDetail[] = []): ErrorBody {
  return { error: { code, message, details } };
}

export function zodDetails(error: z.ZodError, where: string): ErrorDetail[] {
  return error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
}

export function respondError(c: Context, err: unknown, log: (err: unknown) => void) {
  if (err instanceof TooManyAttempts) c.header('Retry-After', String(err.retryAfterSeconds));
  if (err instanceof DomainError) return c.json(errorBody(err.code, err.message, err.details), STATUS[err.code]);
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? 'too_large' : err.status === 404 ? 'not_found' : 'invalid';
    return c.json(errorBody(code, err.message || 'bad request'), err.status as ContentfulStatusCode);
  }
  if (err instanceof SyntaxError) return c.json(errorBody('invalid', `the body is not valid JSON: ${err.message}`), 400);
  log(err);
  return c.json(errorBody('internal', 'something went wrong on our side; the error was logged'), 500);
}
