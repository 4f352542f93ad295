import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './database.js';
import { SqliteWriter } from './sqlite-writer.js';
import {
  toWireError,
  toWriteError,
  type WorkerOptions,
  type WorkerStarted,
  type WriteReply,
  type WriteRequest,
} from './write-protocol.js';

/**
 * The SQLite write side's thread: it owns the write connection and applies requests one at a
 * time, in the order they were sent. Waiting for another process's write lock happens here, so
 * it never stalls the thread that answers HTTP; each request waits at most until its
 * `waitUntil`, counted from when the caller made it.
 */
const port = parentPort;
if (!port) throw new Error('index-worker.ts runs as a worker thread (see sqlite-index.ts)');

const { path, cacheMiB } = workerData as WorkerOptions;
let writer: SqliteWriter | undefined;
try {
  writer = new SqliteWriter(openDatabase({ path, cacheMiB }));
  port.postMessage({ ready: true } satisfies WorkerStarted);
} catch (error) {
  port.postMessage({ ready: false, error: toWireError(toWriteError(error)) } satisfies WorkerStarted);
  port.close();
}

if (writer) {
  const open = writer;
  port.on('message', (request: WriteRequest) => {
    let reply: WriteReply;
    try {
      open.setLockWait(request.waitUntil - Date.now());
      reply = { id: request.id, ok: true, value: apply(open, request) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: toWireError(toWriteError(error)) };
    }
    port.postMessage(reply);
    if (request.op === 'close') port.close();
  });
}

function apply(target: SqliteWriter, request: WriteRequest): unknown {
  switch (request.op) {
    case 'begin':
      return target.begin(request.arg);
    case 'upsert':
      return target.upsert(request.arg);
    case 'delete':
      return target.delete(request.arg);
    case 'idsAfter':
      return target.idsAfter(request.arg.after, request.arg.limit);
    case 'finish':
      return target.finish();
    case 'count':
      return target.count();
    case 'close':
      return target.close();
  }
}
