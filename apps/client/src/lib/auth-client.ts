import { createAuthClient } from "better-auth/react";
import { clientEnv } from "../env.ts";

/**
 * Better Auth's client for the API server's `/api/auth/*`. The session is an HttpOnly cookie
 * that the browser sends to the API (same site on localhost, CORS with credentials).
 */
export const authClient = createAuthClient({
  baseURL: `${clientEnv.serverUrl}/api/auth`,
  fetchOptions: { credentials: "include" },
});

export type AuthSession = NonNullable<Awaited<ReturnType<typeof authClient.getSession>>["data"]>;
