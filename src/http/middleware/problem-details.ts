import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AppError } from '../../errors.js';

/** Body of every error response (RFC 9457 problem details); the one source of its type and its OpenAPI schema. */
export const ProblemDetailsSchema = z
  .object({
    type: z.string().describe('URI of the documentation of this error code'),
    title: z.string().describe('Short, human-readable summary; do not branch on it'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().optional().describe('What to do about it'),
    code: z.string().describe('Stable machine-readable error code, e.g. invalid_parameter'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per offending parameter or field'),
    requestId: z.string().optional().describe('The X-Request-Id of the request, for support'),
  })
  .meta({ id: 'ProblemDetails' });

/** An error response body. */
export type ProblemDetails = z.output<typeof ProblemDetailsSchema>;

/** The media type of every error body. */
export const PROBLEM_JSON = 'application/problem+json';

/** Where each error code is documented: `invalid_parameter` -> `.../problems/invalid-parameter`. */
export const problemType = (code: string) => `https://article-search.dev/problems/${code.replace(/_/g, '-')}`;

/** Renders an AppError as problem details; `extra` adds extension members (RFC 9457 §3.2). */
export function toProblem(error: AppError, requestId?: string, extra: Record<string, unknown> = {}): ProblemDetails {
  const problem: ProblemDetails = {
    type: problemType(error.code),
    title: error.message,
    status: error.status,
    code: error.code,
  };
  if (error.detail) problem.detail = error.detail;
  if (error.errors) problem.errors = error.errors;
  if (requestId) problem.requestId = requestId;
  return { ...problem, ...extra };
}

/** Writes an AppError as `application/problem+json`, with the headers it carries (Retry-After, WWW-Authenticate). */
export function sendProblem(req: Request, res: Response, error: AppError, extra?: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  res
    .status(error.status)
    .type(PROBLEM_JSON)
    .json(toProblem(error, req.id === undefined ? undefined : String(req.id), extra));
}
