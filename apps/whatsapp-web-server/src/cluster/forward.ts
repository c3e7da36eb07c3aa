import { currentRequestId, requestIdHeader } from "@nexis/observability";

/** Set on a forwarded request, so that a worker never forwards it a second time (no loops). */
export const forwardedHeader = "x-nexis-forwarded-by";

/** Headers that describe one hop's transport, not the message. */
const hopHeaders = ["host", "connection", "content-length", "transfer-encoding", "content-encoding", "keep-alive"];

/** How long a forwarded request may take before the caller gets a 503 (media uploads are slow). */
const forwardTimeoutMs = 120_000;

/** 503 with a hint to retry: the session is between workers. */
export function unavailable(reason: string, retryAfterSeconds = 1): Response {
  return Response.json(
    { statusCode: 503, error: "Service Unavailable", message: reason },
    { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
}

/**
 * Sends a request on to the worker that owns its session and answers what that worker answered:
 * same method, path, query, headers (X-Api-Key and X-Request-Id included) and body; status,
 * headers and body back. An owner that cannot be reached gives a 503 with Retry-After.
 */
export async function forwardRequest(request: Request, ownerUrl: string, workerId: string): Promise<Response> {
  const url = new URL(request.url);
  const target = new URL(url.pathname + url.search, ownerUrl);
  const headers = new Headers(request.headers);
  for (const name of hopHeaders) headers.delete(name);
  headers.set(forwardedHeader, workerId);
  const requestId = currentRequestId();
  if (requestId && !headers.has(requestIdHeader)) headers.set(requestIdHeader, requestId);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  try {
    const response = await fetch(target, { method: request.method, headers, body, redirect: "manual", signal: AbortSignal.timeout(forwardTimeoutMs) });
    const answer = new Headers(response.headers);
    for (const name of hopHeaders) answer.delete(name);
    return new Response(response.body, { status: response.status, headers: answer });
  } catch (error) {
    return unavailable(`the worker that owns this session did not answer (${error instanceof Error ? error.message : String(error)}); retry shortly`);
  }
}
