import { resolve } from 'node:path';
import { REPO_ROOT } from './proc.js';

/**
 * The shared data folder (read-only data that is never committed: IR collections, Reuters, the
 * Yonhap page): `SHARED_DATA_DIR` when set, else `shared` beside the checkout.
 * @example sharedDataDir({ SHARED_DATA_DIR: "/data/shared" }) -> "/data/shared"; sharedDataDir({}) -> "<repo>/../shared"
 */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.SHARED_DATA_DIR?.trim();
  return named ? resolve(named) : resolve(REPO_ROOT, '..', 'shared');
}

/** The shared data folder of this process. */
export const SHARED_DIR = sharedDataDir();

/** A path inside the shared data folder. */
export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);
