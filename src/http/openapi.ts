import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';

let document: Record<string, unknown> | undefined;

/** The OpenAPI document of this version of the service, built once per process. */
export function openApiDocument(): Record<string, unknown> {
  if (!document) {
    const { version } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string };
    document = buildOpenApiDocument(version);
  }
  return document;
}
