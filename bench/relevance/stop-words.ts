/** The baseline drops the same English stop words as the service's query parser. */
export { ENGLISH_STOP_WORDS } from '../../src/search/query/stop-words.js';
