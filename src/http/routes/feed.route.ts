import { Router, type Request } from 'express';
import { feedSearchParams, feedTitle, readerPageParams } from '../../search/feed/feed-description.js';
import { FeedParamsSchema, toFeedSearch } from '../../search/feed/feed.schema.js';
import type { SearchEngine } from '../../search/search-engine.js';
import { ATOM_TYPE, feedUpdated, toAtomFeed } from '../feed/atom-feed.js';
import { weakEtag } from '../middleware/conditional-get.js';
import { parseRequest } from '../validate.js';

/** Seconds a feed reader or proxy may reuse a feed before asking again (with its validators). */
export const FEED_MAX_AGE_SECONDS = 60;
/** Who the feed names as its author. */
const PUBLISHER = 'Article search';
const DNS_NAME = /^[A-Za-z0-9.-]{1,253}$/;

/**
 * `GET /api/feed`: the newest articles matching a search, as an Atom 1.0 feed. ETag and
 * Last-Modified let feed readers poll with `If-None-Match` / `If-Modified-Since` and get 304.
 *
 * @remarks Absolute URLs (id, links) are built from the request's protocol and host, as the
 * client reached the service (`TRUST_PROXY` decides whether X-Forwarded-* count).
 */
export function feedRouter(engine: SearchEngine): Router {
  const router = Router();
  router.get('/feed', async (req, res) => {
    const feed = parseRequest(FeedParamsSchema, req.query);
    const result = await engine.search(toFeedSearch(feed));
    const origin = originOf(req);
    const search = feedSearchParams(feed).toString();
    const withLimit = feedSearchParams(feed, true).toString();
    const reader = readerPageParams(feed).toString();
    const xml = toAtomFeed({
      id: `${origin}/api/feed${search === '' ? '' : `?${search}`}`,
      title: feedTitle(feed),
      selfUrl: `${origin}/api/feed${withLimit === '' ? '' : `?${withLimit}`}`,
      alternateUrl: `${origin}/${reader === '' ? '' : `?${reader}`}`,
      articleUrlBase: `${origin}/?article=`,
      tagAuthority: DNS_NAME.test(req.hostname) ? req.hostname : 'localhost',
      publisher: PUBLISHER,
      entries: result.hits,
    });
    res.setHeader('Content-Type', `${ATOM_TYPE}; charset=utf-8`);
    res.setHeader('Cache-Control', `public, max-age=${FEED_MAX_AGE_SECONDS}`);
    res.setHeader('ETag', weakEtag(xml));
    res.setHeader('Last-Modified', new Date(feedUpdated(result.hits)).toUTCString());
    // `fresh` compares If-None-Match with the ETag (and, without it, If-Modified-Since with Last-Modified).
    if (req.fresh) {
      res.status(304).end();
      return;
    }
    res.send(xml);
  });
  return router;
}

/** `https://host:port` as the client reached the service. */
function originOf(req: Request): string {
  const host = req.get('host') ?? 'localhost';
  return `${req.protocol}://${host}`;
}
