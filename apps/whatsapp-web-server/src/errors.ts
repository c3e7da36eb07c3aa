import { Elysia } from "elysia";
import { NotImplementedByEngineError } from "./engines/engine.ts";
import { currentRequestId } from "@nexis/observability";
import type { ErrorReporter } from "@nexis/observability/sentry";
import type { Logger } from "./logger.ts";

const reasonPhrases: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
};

/** An error body in NestJS's shape (`statusCode`, `message`, `error`), which WAHA clients expect. */
export function errorBody(statusCode: number, message: string) {
  return { statusCode, message, error: reasonPhrases[statusCode] ?? "Error" };
}

/** An error a route or service throws to answer with a status and a message (NestJS's HttpException). */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** Extra response headers, such as `Retry-After` on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);
export const unprocessable = (message: string) => new HttpError(422, message);

/**
 * Every error leaves as JSON, never Elysia's plain-text defaults: unknown routes get WAHA's
 * `Cannot GET /path` 404, bad input 400, `HttpError` its own status, an operation the session's
 * engine lacks 501, anything unexpected a logged 500 that hides its details (and goes to Sentry
 * when it is configured).
 */
export function jsonErrors(logger: Logger, reporter?: ErrorReporter) {
  return new Elysia().onError({ as: "global" }, ({ code, error, request, route, set }) => {
    const { pathname } = new URL(request.url);
    if (error instanceof HttpError) {
      set.status = error.statusCode;
      Object.assign(set.headers, error.headers);
      return errorBody(error.statusCode, error.message);
    }
    if (error instanceof NotImplementedByEngineError) {
      set.status = 501;
      return errorBody(501, error.message);
    }
    switch (code) {
      case "NOT_FOUND":
        set.status = 404;
        return errorBody(404, `Cannot ${request.method} ${pathname}`);
      case "VALIDATION":
      case "PARSE":
      case "INVALID_COOKIE_SIGNATURE":
        set.status = 400;
        return errorBody(400, error.message);
      default:
        logger.error(`${request.method} ${pathname} failed`, error);
        reporter?.capture(error, { requestId: currentRequestId() ?? null, where: `${request.method} ${route || pathname}` });
        set.status = 500;
        return errorBody(500, "Internal server error");
    }
  });
}
