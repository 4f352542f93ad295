/**
 * The shared data folder (`SHARED_DATA_DIR`, else `../shared` next to this checkout): read-only
 * data that is never committed. Tests that read it skip, saying so, when it is absent, as on a
 * clean CI machine.
 */
export { SHARED_DIR, sharedPath } from '../../bench/lib/shared-data.js';
