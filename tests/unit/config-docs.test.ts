import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigSchema } from '../../src/config.js';

/** `.env.example` and the README's configuration table must list exactly the variables of ConfigSchema. */
const root = new URL('../../', import.meta.url).pathname;
const read = (file: string) => (existsSync(root + file) ? readFileSync(root + file, 'utf8') : '');

/** First-column names of every markdown table row whose first cell is a VARIABLE (backticks allowed). */
function tableVariables(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|'))
    .map((line) => line.split('|')[1]!.trim().replace(/^`|`$/g, ''))
    .filter((cell) => /^[A-Z][A-Z0-9_]*$/.test(cell));
}

/** `NAME=value` lines, commented out or not, as [name, value]. */
function envExampleEntries(text: string): [string, string][] {
  return text
    .split('\n')
    .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!.trim()]);
}

/** The default of a variable as it would be written in an env file, or undefined. */
function defaultText(name: string): string | undefined {
  const field = (ConfigSchema.in.shape as Record<string, z.ZodType>)[name];
  if (!(field instanceof z.ZodDefault)) return undefined;
  const value: unknown = field.def.defaultValue;
  return Array.isArray(value) ? value.join(',') : String(value);
}

const expected = [...CONFIG_VARIABLES].sort();
const tableSource = 'docs/configuration.md';

describe('configuration docs', () => {
  it('when .env.example is read, then it names every ConfigSchema variable once and nothing else', () => {
    const names = envExampleEntries(read('.env.example')).map(([name]) => name);
    expect([...names].sort()).toEqual(expected);
  });

  it('when .env.example gives a value, then it is the schema default', () => {
    for (const [name, value] of envExampleEntries(read('.env.example'))) {
      const fallback = defaultText(name);
      if (fallback !== undefined) expect(value, name).toBe(fallback);
    }
  });

  it(`when the configuration table (${tableSource}) is read, then it names every ConfigSchema variable once and nothing else`, () => {
    expect([...tableVariables(read(tableSource))].sort()).toEqual(expected);
  });

  it('when a table row or env line is parsed, then backticks and comments are understood', () => {
    expect(tableVariables('| Variable | Default |\n| --- | --- |\n| `PORT` | `3000` |\n| HOST | x |')).toEqual([
      'PORT',
      'HOST',
    ]);
    expect(envExampleEntries('# comment\nPORT=3000\n# MEILI_URL=http://x\n')).toEqual([
      ['PORT', '3000'],
      ['MEILI_URL', 'http://x'],
    ]);
  });
});
