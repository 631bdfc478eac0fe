// Shared OpenAPI pieces: the error schema, common responses, path parameters, the app type.
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ResolvedSession } from '../actions/auth.ts';
import type { Actor, Deps } from '../actions/context.ts';
import { errorBody, zodDetails } from './errors.ts';

/** `actor` is the signed-in user (set by http/auth.ts), or the system on public routes. */
export type Env = { Variables: { deps: Deps; actor: Actor; session?: ResolvedSession } };

export function newRouter(): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json(errorBody('invalid', `the request ${result.target} is not valid`, zodDetails(result.error, result.target)), 400);
      }
      return undefined;
    },
  });
}

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'not_found' }),
      message: z.string(),
      details: z.array(
        z.object({
          path: z.string().optional(),
          file: z.string().optional(),
          sheet: z.string().optional(),
          row: z.number().optional(),
          column: z.string().optional(),
          message: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'Error' });

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

export const errors = {
  400: err('The request is not valid; details name each field'),
  404: err('Not found'),
  409: err('Conflicts with existing data'),
} as const;

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function body<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } };
}

export const noContent = { description: 'Done; no content' } as const;

export const codeParam = (name: string, example: string) =>
  z.object({ [name]: z.string().meta({ param: { name, in: 'path' }, example }) });
