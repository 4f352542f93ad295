export { openSqliteEngine, SqliteSearchEngine } from './sqlite-engine.js';
export { openSqliteIndex } from './sqlite-index.js';
