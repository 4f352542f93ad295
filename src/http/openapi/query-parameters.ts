import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** An OpenAPI 3.1 parameter object, as far as this module writes one. */
export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
  style?: 'form';
  explode?: boolean;
}

/** What zod-to-openapi takes as a route's `parameters` (typed for OpenAPI 3.0, 3.1 and 3.2 at once). */
type RouteParameters = NonNullable<RouteConfig['parameters']>;

/**
 * A query-string schema -> the OpenAPI parameters a client sends: the INPUT side of each
 * field, as it appears on the wire.
 *
 * @remarks zod-to-openapi documents a transform by its input, which for our parameters is
 * the `single()`/`list()` guard (`string | string[]`) and loses every constraint. Here the
 * guard is looked through: the value schema behind it is documented by its output when that
 * is representable (`integer(1, 100)` -> `{ type: integer, minimum: 1, maximum: 100 }`), else
 * by its input (`from`: a date string that becomes epoch ms -> `{ type: string }`).
 * A value schema that yields an array is a repeatable parameter (`tag=a&tag=b`).
 * @example toQueryParameters(SuggestParamsSchema)[1] -> { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 20, default: 8 }, ... }
 */
export function toQueryParameters(schema: z.ZodType): RouteParameters {
  const parameters = Object.entries(objectOf(schema).shape).map(([name, field]) =>
    toParameter(name, field as z.ZodType),
  );
  // The JSON Schema zod writes is the 2020-12 dialect OpenAPI 3.1 uses; only the static types differ.
  return parameters as RouteParameters;
}

/** The object behind `.superRefine()`/`.transform()` wrappers. */
function objectOf(schema: z.ZodType): z.ZodObject {
  let current: unknown = schema;
  while (current instanceof z.ZodPipe) current = current.in;
  if (!(current instanceof z.ZodObject)) throw new TypeError('a query schema must be an object, optionally piped');
  return current;
}

function toParameter(name: string, field: z.ZodType): QueryParameter {
  let inner: z.ZodType = field;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (inner instanceof z.ZodOptional) required = false;
    else if (inner instanceof z.ZodDefault) {
      required = false;
      defaultValue = inner.def.defaultValue;
    } else break;
    inner = inner.def.innerType as z.ZodType;
  }
  const value = valueBehindGuard(inner);
  const schema = withDefault(jsonSchemaOf(value), defaultValue);
  const parameter: QueryParameter = { name, in: 'query', required, schema };
  if (field.description) parameter.description = field.description;
  if (schema.type === 'array') Object.assign(parameter, { style: 'form', explode: true });
  return parameter;
}

/** `union(string, string[]) -> transform -> pipe(value)`: the guard of `single()` and `list()`. */
function isWireGuard(schema: z.ZodType): schema is z.ZodPipe<z.ZodPipe<z.ZodUnion>, z.ZodType> {
  return schema instanceof z.ZodPipe && schema.in instanceof z.ZodPipe && schema.in.in instanceof z.ZodUnion;
}

/** Follows pipes towards their input until the wire guard; what it feeds is the value schema. */
function valueBehindGuard(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodPipe) {
    if (isWireGuard(current)) return current.out;
    current = current.in as z.ZodType;
  }
  return current;
}

function jsonSchemaOf(value: z.ZodType): Record<string, unknown> {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(value, { io: 'output' }) as Record<string, unknown>;
  } catch {
    // The output is a transform (a date that becomes epoch ms): document what is sent instead.
    json = z.toJSONSchema(value, { io: 'input' }) as Record<string, unknown>;
  }
  delete json.$schema;
  return json;
}

/** Defaults are written as sent: `highlight` defaults to the string "true", not the boolean. */
function withDefault(schema: Record<string, unknown>, value: unknown): Record<string, unknown> {
  if (value === undefined) return schema;
  const textual = schema.type === 'string' || Array.isArray(schema.enum);
  return { ...schema, default: textual && typeof value !== 'string' ? String(value) : value };
}
