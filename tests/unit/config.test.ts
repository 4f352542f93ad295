import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The variables a ConfigError names, in order. */
function refusedVariables(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => issue.variable);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('when nothing is set, then the embedded engine is used with the documented defaults', () => {
    const config = loadConfig({});
    expect(config.SEARCH_ENGINE).toBe('sqlite');
    expect(config.RAW_PAGE_TIMEZONE).toBe('UTC');
  });

  it('when only MEILI_URL is set, then Meilisearch is used', () => {
    expect(loadConfig({ MEILI_URL: 'http://localhost:7700' }).SEARCH_ENGINE).toBe('meilisearch');
  });

  it('when SEARCH_ENGINE=meilisearch comes without MEILI_URL, then the error names MEILI_URL', () => {
    expect(refusedVariables({ SEARCH_ENGINE: 'meilisearch' })).toEqual(['MEILI_URL']);
    expect(() => loadConfig({ SEARCH_ENGINE: 'meilisearch' })).toThrow(
      /MEILI_URL: must be set when SEARCH_ENGINE=meilisearch/,
    );
  });

  it('when RAW_PAGE_TIMEZONE is not an IANA zone, then the error names it; a real zone passes', () => {
    expect(refusedVariables({ RAW_PAGE_TIMEZONE: 'Mars/Olympus' })).toEqual(['RAW_PAGE_TIMEZONE']);
    expect(loadConfig({ RAW_PAGE_TIMEZONE: 'Asia/Seoul' }).RAW_PAGE_TIMEZONE).toBe('Asia/Seoul');
  });

  it('when several variables are wrong, then each is named', () => {
    expect(refusedVariables({ PORT: 'x', RAW_PAGE_TIMEZONE: 'nowhere' }).sort()).toEqual(['PORT', 'RAW_PAGE_TIMEZONE']);
  });
});
