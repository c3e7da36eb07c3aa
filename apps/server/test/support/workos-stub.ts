import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The WorkOS user a stubbed code signs in, in WorkOS's wire shape (snake_case). */
export interface StubUser {
  id: string;
  email: string;
  email_verified?: boolean;
  first_name?: string | null;
  last_name?: string | null;
}

export interface WorkosStub {
  port: number;
  /** Every `POST /user_management/authenticate` body received, oldest first. */
  authenticateRequests: Record<string, unknown>[];
  /** Makes `code` exchangeable once for this user, through `organizationId` when given. */
  issueCode(code: string, user: StubUser, organizationId?: string): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for the one WorkOS endpoint the SDK's `authenticateWithCode` calls: codes are
 * single-use, and an unknown or used code answers WorkOS's `invalid_grant` error (400).
 */
export async function startWorkosStub(): Promise<WorkosStub> {
  const codes = new Map<string, { user: StubUser; organizationId: string | undefined }>();
  const authenticateRequests: Record<string, unknown>[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { "content-type": "application/json", "x-request-id": "req_stub" });
        response.end(JSON.stringify(body));
      };
      if (request.method !== "POST" || request.url !== "/user_management/authenticate") return reply(404, { message: "Not found" });
      const body = await readBody(request);
      authenticateRequests.push(body);
      const grant = typeof body.code === "string" ? codes.get(body.code) : undefined;
      if (!grant || body.grant_type !== "authorization_code") {
        return reply(400, { error: "invalid_grant", error_description: `The code '${String(body.code)}' has expired or is invalid.` });
      }
      codes.delete(body.code as string);
      const now = new Date().toISOString();
      reply(200, {
        user: { object: "user", email_verified: true, first_name: null, last_name: null, profile_picture_url: null, created_at: now, updated_at: now, ...grant.user },
        organization_id: grant.organizationId,
        access_token: "stub-access-token",
        refresh_token: "stub-refresh-token",
        authentication_method: grant.organizationId ? "SSO" : "Password",
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    authenticateRequests,
    issueCode: (code, user, organizationId) => void codes.set(code, { user, organizationId }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if ((request.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}
