import { Elysia } from "elysia";
import type { Logger } from "./logger.ts";

const reasonPhrases: Record<number, string> = { 400: "Bad Request", 404: "Not Found", 500: "Internal Server Error" };

/** An error body in NestJS's shape (`statusCode`, `message`, `error`), which WAHA clients expect. */
export function errorBody(statusCode: number, message: string) {
  return { statusCode, message, error: reasonPhrases[statusCode] ?? "Error" };
}

/**
 * Every error leaves as JSON, never Elysia's plain-text defaults: unknown routes get WAHA's
 * `Cannot GET /path` 404, bad input 400, anything unexpected a logged 500 that hides its details.
 */
export function jsonErrors(logger: Logger) {
  return new Elysia().onError({ as: "global" }, ({ code, error, request, set }) => {
    const { pathname } = new URL(request.url);
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
        set.status = 500;
        return errorBody(500, "Internal server error");
    }
  });
}
