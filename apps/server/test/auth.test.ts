import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookieHeader, startTestServer, testPassword, trpcError, type TestServer } from "./support/server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("Better Auth on /api/auth", () => {
  it("signs up, writes the user, and opens a personal workspace owned by them as the active one", async () => {
    const user = await server.signUp("Ada Lovelace");
    const [row] = await queryRows<{ email: string; role: string; name: string; active: string | null }>(
      server.database.db,
      sql`select u.email, m.role, o.name, s.active_organization_id as active
          from "user" u join member m on m.user_id = u.id join organization o on o.id = m.organization_id
          join session s on s.user_id = u.id where u.id = ${user.userId}`,
    );
    expect(row).toMatchObject({ email: user.email, role: "owner", name: "Ada Lovelace's workspace" });

    const workspace = await user.trpc.workspace.get.query();
    expect(workspace).toMatchObject({ name: "Ada Lovelace's workspace", role: "owner" });
    expect(row?.active).toBe(workspace.id);
  });

  it("refuses a weak password, and a cookie-carrying POST from an untrusted Origin", async () => {
    const weak = await server.authPost("/sign-up/email", { name: "Weak", email: "weak@example.com", password: "short" });
    expect(weak.status).toBe(400);
    const user = await server.signUp();
    const foreign = await server.authPost("/sign-out", {}, { cookie: user.cookie, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await server.client({ cookie: user.cookie }).workspace.listMine.query()).length).toBe(1);
  });

  it("signs in with a cookie and with a bearer token; each opens the personal workspace", async () => {
    const user = await server.signUp();
    const response = await server.authPost("/sign-in/email", { email: user.email, password: testPassword });
    expect(response.status).toBe(200);
    const cookie = cookieHeader(response);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/HttpOnly/i);
    expect(response.headers.getSetCookie().join("\n")).toMatch(/SameSite=Lax/i);
    const token = response.headers.get("set-auth-token");
    expect(token).toBeTruthy();

    const byCookie = await server.client({ cookie }).workspace.get.query();
    const byBearer = await server.client({ authorization: `Bearer ${token}` }).workspace.get.query();
    expect(byCookie.id).toBe(byBearer.id);
    expect(byCookie.role).toBe("owner");
  });

  it("refuses a wrong password", async () => {
    const user = await server.signUp();
    const response = await server.authPost("/sign-in/email", { email: user.email, password: "wrong password!!" });
    expect(response.status).toBe(401);
  });

  it("signs out: the session stops working", async () => {
    const user = await server.signUp();
    expect((await user.trpc.workspace.listMine.query()).length).toBe(1);
    const response = await server.authPost("/sign-out", {}, { authorization: `Bearer ${user.token}`, cookie: user.cookie });
    expect(response.status).toBe(200);
    const error = await trpcError(user.trpc.workspace.listMine.query());
    expect(error.data?.code).toBe("UNAUTHORIZED");
  });

  it("answers UNAUTHORIZED to signed-out and forged callers", async () => {
    expect((await trpcError(server.client().account.list.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await trpcError(server.client({ authorization: "Bearer forged" }).getAccounts.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await trpcError(server.client({ cookie: "better-auth.session_token=forged" }).tag.list.query())).data?.code).toBe(
      "UNAUTHORIZED",
    );
  });
});

describe("Better Auth: email verification and sessions", () => {
  it("mails a confirmation link at sign-up; following it marks the email verified", async () => {
    const user = await server.signUp("Verifier");
    const verified = async () =>
      (await queryRows<{ v: boolean }>(server.database.db, sql`select email_verified as v from "user" where id = ${user.userId}`))[0]?.v;
    expect(await verified()).toBe(false);
    const mail = (await server.readMailbox()).find((entry) => entry.to === user.email && /Confirm your email/.test(entry.subject));
    expect(mail?.link).toMatch(/\/api\/auth\/verify-email\?token=/);
    const link = new URL(mail?.link ?? "");
    const response = await fetch(`${server.baseUrl}${link.pathname}${link.search}`, { redirect: "manual" });
    expect(response.status).toBeLessThan(400);
    expect(await verified()).toBe(true);
  });

  it("lists a user's sessions and revokes one, which stops working at once", async () => {
    const user = await server.signUp();
    const second = await server.authPost("/sign-in/email", { email: user.email, password: testPassword });
    const secondToken = second.headers.get("set-auth-token") ?? "";
    const secondClient = server.client({ authorization: `Bearer ${secondToken}` });
    expect((await secondClient.workspace.listMine.query()).length).toBe(1);

    const listed = await fetch(`${server.baseUrl}/api/auth/list-sessions`, { headers: { authorization: `Bearer ${user.token}` } });
    const sessions = (await listed.json()) as { token: string; ipAddress: string | null }[];
    expect(sessions).toHaveLength(2);
    // The bearer token is the session token plus its signature.
    const secondSession = secondToken.split(".")[0];
    expect(sessions.map((session) => session.token)).toContain(secondSession);

    const revoked = await server.authPost("/revoke-session", { token: secondSession }, { authorization: `Bearer ${user.token}` });
    expect(revoked.status).toBe(200);
    expect((await trpcError(secondClient.workspace.listMine.query())).data?.code).toBe("UNAUTHORIZED");
    expect((await user.trpc.workspace.listMine.query()).length).toBe(1);
  });
});

describe("Better Auth rate limit", () => {
  it("is on by default: a burst of sign-ins from one address gets 429", async () => {
    const limited = await startTestServer({ authRateLimit: true });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await limited.authPost("/sign-in/email", { email: "nobody@example.com", password: testPassword });
        statuses.push(response.status);
      }
      expect(statuses).toContain(429);
      // A forged X-Forwarded-For does not buy a fresh bucket.
      const forged = await limited.authPost(
        "/sign-in/email",
        { email: "nobody@example.com", password: testPassword },
        { "x-forwarded-for": "203.0.113.9" },
      );
      expect(forged.status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
