import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, ErrorCode } from '../../errors.js';
import { PROBLEM_JSON, toProblem } from './problem-details.js';

/**
 * What Node answers itself, before Express sees the request, as problem details:
 * a request line plus headers over 16 KiB (`--max-http-header-size`) is 431, a request that
 * is not HTTP is 400, a client too slow to send its headers (headersTimeout) is 408.
 * @example parse error HPE_HEADER_OVERFLOW -> 431 { code: "request_too_large", ... }
 */
export function toClientError(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(ErrorCode.requestTooLarge, 431, 'Request header fields too large', {
      detail: 'The URL and headers must fit in 16 KiB; send fewer or shorter parameters.',
    });
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError(ErrorCode.timeout, 408, 'Request timeout', { detail: 'The request was not received in time.' });
  }
  return new AppError(ErrorCode.invalidParameter, 400, 'Bad request', { detail: 'The request is not valid HTTP.' });
}

/**
 * Replaces Node's bare `clientError` answers (empty bodies) with problem+json, so that every
 * 4xx a client can see has the same shape. The connection is closed afterwards, as Node does.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = toClientError(error.code);
    const body = JSON.stringify(toProblem(problem));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
