import { startMeiliServer, type MeiliServer } from '../bench/lib/meili-server.js';

/**
 * Runs once before every test file: when `MEILI_BIN` names a Meilisearch binary and no
 * `MEILI_URL` is given, starts a throwaway server (fresh temp database, free port, random
 * master key) and hands it to the test processes as `MEILI_URL` / `MEILI_API_KEY`; stops it
 * after the run. Says once why the Meilisearch tests are skipped when there is no server.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const { MEILI_BIN: bin, MEILI_URL: url } = process.env;
  if (url) {
    console.log(`[meilisearch] contract suite and real-server tests run against MEILI_URL`);
    return undefined;
  }
  if (!bin) {
    console.log(
      '[meilisearch] neither MEILI_BIN nor MEILI_URL is set: the Meilisearch half of the contract suite ' +
        'and the real-server tests are skipped (CI has no Meilisearch binary; see docs/meilisearch.md)',
    );
    return undefined;
  }
  let server: MeiliServer;
  try {
    server = await startMeiliServer(bin);
  } catch (error) {
    throw new Error(`MEILI_BIN=${bin} did not start: ${(error as Error).message}`, { cause: error });
  }
  const version = await fetch(new URL('/version', server.url), {
    headers: { Authorization: `Bearer ${server.masterKey}` },
  }).then((response) => response.json() as Promise<{ pkgVersion?: string }>);
  console.log(`[meilisearch] started Meilisearch ${version.pkgVersion ?? '?'} from MEILI_BIN on ${server.url}`);
  // Test processes are forked after this, so they inherit these.
  process.env.MEILI_URL = server.url;
  process.env.MEILI_API_KEY = server.masterKey;
  return () => server.stop();
}
