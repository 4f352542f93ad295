import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `../shared` next to this checkout (read-only data that is never committed). Tests that read
 * it skip, saying so, when it is absent, as on a clean CI machine.
 */
export const SHARED_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared');

/** A path inside `../shared`. */
export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);
