import type { RequestHandler } from 'express';
import { AppError, ErrorCode } from '../../errors.js';

/** 415 `unsupported_media_type` unless the body is declared as JSON. */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (req.is('application/json')) return next();
  next(
    new AppError(ErrorCode.unsupportedMediaType, 415, 'Unsupported media type', {
      detail: 'Send the articles as application/json.',
    }),
  );
};
