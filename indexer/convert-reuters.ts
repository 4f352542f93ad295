/**
 * `tsx indexer/convert-reuters.ts <reuters-dir> <out.ndjson>`: Reuters-21578 SGML -> NDJSON
 * articles for the indexer. Streams story by story; prints counts.
 *
 * @remarks The collection may be used for research and testing only and must never be
 * committed, so the output is refused inside the repository except under the git-ignored
 * `data/` folder.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArticleInputSchema } from '../src/articles/article.schema.js';
import { parseTopicSections } from './reuters/reuters-sections.js';
import { toReutersArticle } from './reuters/reuters-story.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const STORY_END = '</REUTERS>';

interface Counts {
  stories: number;
  written: number;
  skipped: Record<string, number>;
}

/** Every `<REUTERS>...</REUTERS>` element of a file, one at a time (latin-1, as distributed). */
async function* stories(file: string): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of createReadStream(file, { encoding: 'latin1' }) as AsyncIterable<string>) {
    pending += chunk;
    let end = pending.indexOf(STORY_END);
    while (end !== -1) {
      const start = pending.lastIndexOf('<REUTERS', end);
      if (start !== -1) yield pending.slice(start, end + STORY_END.length);
      pending = pending.slice(end + STORY_END.length);
      end = pending.indexOf(STORY_END);
    }
  }
}

/** Whether writing there could put Reuters text under version control. */
export function isInsideRepoOutsideData(out: string, repoRoot = REPO_ROOT): boolean {
  const path = relative(resolve(repoRoot), resolve(out));
  const outside = path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path);
  return !outside && path.split(sep)[0] !== 'data';
}

async function convert(dir: string, out: string): Promise<Counts> {
  const descriptions = join(dir, 'cat-descriptions_120396.txt');
  const sections = existsSync(descriptions)
    ? parseTopicSections(await readFile(descriptions, 'latin1'))
    : new Map<string, string>();
  const files = (await readdir(dir)).filter((name) => /^reut2-\d+\.sgm$/.test(name)).sort();
  if (files.length === 0) throw new Error(`no reut2-*.sgm files in ${dir}`);

  const counts: Counts = { stories: 0, written: 0, skipped: {} };
  const skip = (reason: string) => (counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1);
  // Written under a temporary name and renamed at the end: a failed run leaves no half file.
  const partial = `${out}.partial`;
  const output = createWriteStream(partial, { encoding: 'utf8' });
  try {
    for (const name of files) {
      for await (const sgml of stories(join(dir, name))) {
        counts.stories += 1;
        const result = toReutersArticle(sgml, sections);
        if ('skipped' in result) skip(result.skipped);
        else if (!ArticleInputSchema.safeParse(result.article).success) skip('not a valid article');
        else if (output.write(`${JSON.stringify(result.article)}\n`)) counts.written += 1;
        else {
          counts.written += 1;
          await once(output, 'drain');
        }
      }
    }
    output.end();
    await once(output, 'finish');
    await rename(partial, out);
  } catch (error) {
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return counts;
}

async function main(args: string[]): Promise<number> {
  const [dir, out] = args;
  if (!dir || !out || args.length !== 2) {
    process.stderr.write('usage: tsx indexer/convert-reuters.ts <reuters-dir> <out.ndjson>\n');
    return 1;
  }
  if (isInsideRepoOutsideData(out)) {
    process.stderr.write(`error: ${out} is inside the repository; write under data/ (git-ignored) or outside it\n`);
    return 1;
  }
  try {
    const started = Date.now();
    const counts = await convert(dir, out);
    const skipped =
      Object.entries(counts.skipped)
        .map(([reason, n]) => `${n} ${reason}`)
        .join(', ') || 'none';
    process.stdout.write(
      `stories ${counts.stories}, written ${counts.written}, skipped: ${skipped} in ${((Date.now() - started) / 1000).toFixed(1)} s -> ${out}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
