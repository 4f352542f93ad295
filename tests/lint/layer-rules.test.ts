import { readdirSync } from 'node:fs';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of `.dependency-cruiser.cjs` (run by `npm run lint`) must fail on a
 * back-edge, not only pass on the tree: each folder of tests/fixtures/layers/ is a small tree
 * with src/ paths that breaks exactly the rule it is named after.
 */
const repo = new URL('../../', import.meta.url).pathname;
const fixtures = 'tests/fixtures/layers';
let options: ICruiseOptions;

beforeAll(async () => {
  options = await extractDepcruiseOptions(`${repo}.dependency-cruiser.cjs`);
});

/** The rules broken by the tree under `baseDir` (relative to the repo), one entry per violation. */
async function brokenRules(baseDir: string, roots: string[]): Promise<string[]> {
  const result = await cruise(roots, { ...options, validate: true, baseDir: `${repo}${baseDir}` });
  return (result.output as ICruiseResult).summary.violations.map((violation) => violation.rule.name);
}

describe('layer rules', () => {
  const cases = readdirSync(`${repo}${fixtures}`).sort();

  it('when the fixtures are listed, then there is one per forbidden rule of the configuration', () => {
    const names = (options.ruleSet?.forbidden ?? []).map((rule) => rule.name);
    expect(cases).toEqual([...names].sort());
  });

  it.each(cases)('when a tree breaks %s, then the cruise names that rule and no other', async (rule) => {
    const roots = readdirSync(`${repo}${fixtures}/${rule}`);
    const broken = await brokenRules(`${fixtures}/${rule}`, roots);
    expect(broken.length).toBeGreaterThan(0);
    expect(new Set(broken)).toEqual(new Set([rule]));
  });

  it('when the real src/ and indexer/ are cruised, then no rule is broken', async () => {
    expect(await brokenRules('', ['src', 'indexer'])).toEqual([]);
  }, 60_000);
});
