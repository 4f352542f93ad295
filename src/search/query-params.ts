import { z } from 'zod';
import { cleanLabel } from '../text/normalize.js';

/**
 * Building blocks for query-string schemas. Express's simple parser gives `string` for a
 * parameter given once and `string[]` for a repeated one; a scalar given twice is an error.
 */

/** A parameter that must appear at most once. */
export function single<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value, ctx) => {
      if (Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be given once' });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema);
}

/**
 * Repeatable or comma-separated values: `tag=a&tag=b` or `tag=a,b`. A repeated parameter is
 * taken as given, so a value holding a comma ("Smith, Jr.") can be sent by repeating.
 * Empty parts are ignored.
 */
export function list(maxItems = 20, maxChars = 200) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : value.split(',')).map(cleanLabel).filter((v) => v.length > 0))
    .pipe(
      z
        .array(z.string().max(maxChars, `each value must be at most ${maxChars} characters`))
        .max(maxItems, `at most ${maxItems} values`),
    );
}

/** An integer parameter within bounds. */
export function integer(min: number, max: number) {
  return single(
    z
      .string()
      .regex(/^\d{1,9}$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  );
}

/** `true`/`false` (also 1/0). */
export const booleanParam = single(
  z.enum(['true', 'false', '1', '0'], { message: 'must be true or false' }).transform((v) => v === 'true' || v === '1'),
);
