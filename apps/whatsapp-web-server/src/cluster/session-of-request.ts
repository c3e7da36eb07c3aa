import { sessionNameSchema } from "../sessions/session-schemas.ts";

/** `/api/<first>/…` paths whose first segment is not a session name. */
const notSessions = new Set(["sessions", "contacts", "keys", "send", "apps", "server", "x", "files", "sandbox"]);

const valid = (name: unknown): string | null => {
  const parsed = sessionNameSchema.safeParse(name);
  return parsed.success ? parsed.data : null;
};

/** The session named by a JSON body (`session`, or `name` when a session is created). */
async function bodySession(request: Request, key: "session" | "name"): Promise<string | null> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) return null;
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => null);
  return body && typeof body === "object" && key in body ? valid((body as Record<string, unknown>)[key]) : null;
}

/**
 * The session a request is about, wherever WAHA puts it: the path (`/api/{session}/…`,
 * `/api/sessions/{session}…`, `/api/files/{session}/…`, `/api/sandbox/{session}/…`), the query
 * (`?session=`), or the JSON body (`session`; `name` for `POST /api/sessions`). Null when it names
 * none, or an invalid one (the route itself then answers 400).
 */
export async function sessionOfRequest(request: Request, url: URL): Promise<string | null> {
  const segments = url.pathname.split("/").slice(2).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const [first, second] = segments;
  if (first === "sessions") {
    if (second) return valid(second);
    return request.method === "POST" ? bodySession(request, "name") : null;
  }
  if ((first === "files" || first === "sandbox") && second) return valid(second);
  if (first && second !== undefined && !notSessions.has(first)) return valid(first);
  const fromQuery = url.searchParams.get("session");
  if (fromQuery) return valid(fromQuery);
  return request.method === "POST" || request.method === "PUT" ? bodySession(request, "session") : null;
}
