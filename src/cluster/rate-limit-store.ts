import {
  MemoryStore,
  type ClientRateLimitInfo,
  type IncrementResponse,
  type Options,
  type Store,
} from 'express-rate-limit';
import type { IpcHandlers, IpcPeer } from './ipc-peer.js';

/**
 * express-rate-limit's store for an HTTP worker: the counts live in the primary, so a client
 * gets RATE_LIMIT_PER_MINUTE per minute from the service, whichever workers its connections
 * land on (each worker counting alone would allow WORKERS times as much).
 */
export class ClusterRateLimitStore implements Store {
  /** Keys are shared by every worker's store. */
  readonly localKeys = false;
  readonly #primary: IpcPeer;

  constructor(primary: IpcPeer) {
    this.#primary = primary;
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.#primary.call('rate.get', key) as Promise<ClientRateLimitInfo | undefined>;
  }

  increment(key: string): Promise<IncrementResponse> {
    return this.#primary.call('rate.increment', key) as Promise<IncrementResponse>;
  }

  async decrement(key: string): Promise<void> {
    await this.#primary.call('rate.decrement', key);
  }

  async resetKey(key: string): Promise<void> {
    await this.#primary.call('rate.resetKey', key);
  }
}

/** The primary's counts: one in-memory store over the one-minute window, answering every worker. */
export function rateLimitHandlers(windowMs: number): IpcHandlers {
  const store = new MemoryStore();
  store.init({ windowMs } as Options);
  return {
    'rate.get': (key) => store.get(String(key)),
    'rate.increment': (key) => store.increment(String(key)),
    'rate.decrement': (key) => store.decrement(String(key)),
    'rate.resetKey': (key) => store.resetKey(String(key)),
  };
}
