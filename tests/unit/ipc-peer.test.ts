import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { IpcPeer, type IpcEndpoint } from '../../src/cluster/ipc-peer.js';
import { AppError, ArticlesRejectedError, IndexBusyError } from '../../src/errors.js';

/** Two connected ends, delivering asynchronously and by structured clone, like the cluster's channel. */
function channel(): [IpcEndpoint, IpcEndpoint, { open: boolean }] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const state = { open: true };
  const end = (self: EventEmitter, other: EventEmitter): IpcEndpoint => ({
    send: (message) => {
      if (!state.open) return false;
      const copy = structuredClone(message);
      setImmediate(() => other.emit('message', copy));
      return true;
    },
    on: (event, listener) => self.on(event, listener),
    off: (event, listener) => self.off(event, listener),
  });
  return [end(a, b), end(b, a), state];
}

describe('IpcPeer', () => {
  it('when a worker calls an operation of the primary, then it gets the value back', async () => {
    const [worker, primary] = channel();
    new IpcPeer(primary, { 'index.count': () => 42, echo: async (arg) => ({ got: arg }) });
    const peer = new IpcPeer(worker);
    expect(await peer.call('index.count')).toBe(42);
    expect(await peer.call('echo', [1, 'two'])).toEqual({ got: [1, 'two'] });
  });

  it('when the primary fails with an AppError, then the caller gets an AppError with the same code, status and headers', async () => {
    const [worker, primary] = channel();
    new IpcPeer(primary, {
      'index.upsert': () => {
        throw new IndexBusyError(new Error('database is locked'));
      },
    });
    const error = (await new IpcPeer(worker).call('index.upsert', []).catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.status, error.headers]).toEqual(['index_busy', 503, { 'Retry-After': '2' }]);
  });

  it('when the engine refuses single articles, then the caller gets ArticlesRejectedError naming them', async () => {
    const [worker, primary] = channel();
    new IpcPeer(primary, {
      'index.upsert': () => {
        throw new ArticlesRejectedError([{ id: 'a1', message: 'too large' }]);
      },
    });
    const error = await new IpcPeer(worker).call('index.upsert', []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArticlesRejectedError);
    expect((error as ArticlesRejectedError).rejected).toEqual([{ id: 'a1', message: 'too large' }]);
  });

  it('when a handler throws something that is not an AppError, then the caller gets a 500 without its message', async () => {
    const [worker, primary] = channel();
    new IpcPeer(primary, {
      boom: () => {
        throw new Error('secret detail');
      },
    });
    const error = (await new IpcPeer(worker).call('boom').catch((e: unknown) => e)) as AppError;
    expect([error.code, error.status]).toEqual(['internal_error', 500]);
    expect(error.message).not.toContain('secret');
  });

  it('when the channel closes with calls waiting, then they reject with 503 instead of hanging', async () => {
    const [worker, , state] = channel();
    const peer = new IpcPeer(worker);
    const waiting = peer.call('never-answered');
    peer.close(new AppError('engine_unavailable', 503, 'gone'));
    await expect(waiting).rejects.toMatchObject({ status: 503 });
    state.open = false;
    await expect(new IpcPeer(worker).call('x')).rejects.toMatchObject({ code: 'engine_unavailable' });
  });

  it('when a message of another sender arrives (prom-client, Node), then it is ignored', async () => {
    const [worker, primary] = channel();
    new IpcPeer(primary, { ping: () => 'pong' });
    worker.send({ type: 'prom-client:getMetricsReq', requestId: 1 });
    expect(await new IpcPeer(worker).call('ping')).toBe('pong');
  });
});
