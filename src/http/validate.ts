import { z } from 'zod';
import { ErrorCode, ValidationError, type FieldIssue } from '../errors.js';

/**
 * Parses request input with a zod schema, or throws a `ValidationError` naming every
 * offending parameter. Unknown parameters get their own code so a typo is obvious, and their
 * message lists the valid names. Query-string problems name the parameter; body problems keep
 * the full path (`0.title`).
 */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  source: 'query' | 'body' = 'query',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const unknown: FieldIssue[] = [];
  const invalid: FieldIssue[] = [];
  const valid = knownKeys(schema).join(', ');
  const notKnown = valid === '' ? 'is not a known parameter' : `is not a known parameter; valid: ${valid}`;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) unknown.push({ path: key, message: notKnown });
    } else {
      // A query-string problem is reported on the parameter itself ("facets", not "facets.1").
      const path = source === 'query' ? issue.path.slice(0, 1) : issue.path;
      invalid.push({ path: path.map(String).join('.') || '(request)', message: issue.message });
    }
  }
  if (invalid.length > 0) throw new ValidationError([...invalid, ...unknown]);
  throw new ValidationError(unknown, ErrorCode.unknownParameter, valid === '' ? undefined : `Valid: ${valid}.`);
}

/**
 * The keys an object schema accepts, in declaration order, looking through the pipes and
 * transforms that wrap it; empty when the schema is not an object.
 * @example knownKeys(z.strictObject({ q: z.string(), page: z.string() }).transform(f)) -> ["q", "page"]
 */
export function knownKeys(schema: z.ZodType): string[] {
  const def = (schema as { def?: { type?: string; in?: z.ZodType; innerType?: z.ZodType } }).def;
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as Record<string, unknown>);
  if (def?.type === 'pipe' && def.in) return knownKeys(def.in);
  if (def?.innerType) return knownKeys(def.innerType);
  return [];
}
