import { serve, type ServerType } from "@hono/node-server";
import { queryRows, schema } from "@nexis/db";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { createTRPCClient, httpLink } from "@trpc/client";
import { eq, sql } from "drizzle-orm";
import { mkdtempSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { loadServerEnv } from "../src/env.ts";
import type { AppRouter } from "../src/trpc/routers/_app.ts";
import { clientOrigin, cookieHeader, subscriptionOrigin, testAppOptions, testPassword, trpcError } from "./support/server.ts";
import { startWorkosStub, type StubUser, type WorkosStub } from "./support/workos-stub.ts";

const clientId = "client_test_0001";
const redirectUri = "http://localhost:8787/api/auth/sso/callback";

let database: TestDatabase;
let stub: WorkosStub;
let server: ServerType;
let baseUrl: string;
let owner: { userId: string; email: string; cookie: string };
let workspaceId: string;
const organizationId = "org_01HLINKED0000000000000000";

const trpc = (cookie: string) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { cookie } })] });

/** POSTs to a Better Auth route the way the client does. */
function authPost(path: string, body: unknown) {
  return fetch(`${baseUrl}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", origin: clientOrigin }, body: JSON.stringify(body) });
}

async function signUp(email = `user-${crypto.randomUUID()}@example.com`) {
  const response = await authPost("/sign-up/email", { name: "Password person", email, password: testPassword });
  if (response.status !== 200) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  return { userId: body.user.id, email, cookie: cookieHeader(response) };
}

/** GET /sso/start: the AuthKit URL it redirects to, its state, and the nonce cookie it set. */
async function start(query = "") {
  const response = await fetch(`${baseUrl}/api/auth/sso/start${query}`, { redirect: "manual" });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  return { location, state: location.searchParams.get("state") ?? "", cookie: cookieHeader(response), setCookie: response.headers.getSetCookie().join("\n") };
}

/** GET /sso/callback as the browser does after WorkOS: where it leads, and the cookies it set. */
async function callback(params: { code: string; state: string; cookie: string }) {
  const query = new URLSearchParams({ code: params.code, state: params.state });
  const response = await fetch(`${baseUrl}/api/auth/sso/callback?${query}`, { redirect: "manual", headers: { cookie: params.cookie } });
  expect(response.status).toBe(302);
  const setCookies = response.headers.getSetCookie();
  const session = setCookies.find((cookie) => cookie.startsWith("better-auth.session_token=") && !/Max-Age=0/i.test(cookie));
  return { location: response.headers.get("location") ?? "", session, cookie: session?.split(";")[0] ?? "" };
}

/** A whole SSO sign-in of `user` through `organization` (null: none, a plain AuthKit sign-in). */
async function ssoSignIn(user: StubUser, organization: string | null = organizationId, returnTo = "/inbox") {
  const started = await start(`?redirect=${encodeURIComponent(returnTo)}`);
  const code = `code-${crypto.randomUUID()}`;
  stub.issueCode(code, user, organization ?? undefined);
  return callback({ code, state: started.state, cookie: started.cookie });
}

const workosUser = (email: string): StubUser => ({ id: `user_${crypto.randomUUID().replaceAll("-", "")}`, email, first_name: "Sam", last_name: "Single" });

beforeAll(async () => {
  [database, stub] = await Promise.all([createTestDatabase(process.env.DATABASE_URL), startWorkosStub()]);
  const app = createApp({
    ...testAppOptions(database),
    workos: { apiKey: "sk_test_stub", clientId, redirectUri, apiHostname: "127.0.0.1", port: stub.port, https: false },
  });
  server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  owner = await signUp();
  workspaceId = (await trpc(owner.cookie).workspace.get.query()).id;
  await database.db.insert(schema.subscription).values({ workspaceId, plan: "business", status: "active" });
  await trpc(owner.cookie).workspace.setSso.mutate({ organizationId, requireSso: false });
}, 60_000);

afterAll(async () => {
  (server as HttpServer | undefined)?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await stub?.close();
  await database?.dispose();
});

describe("WorkOS SSO routes", () => {
  it("says SSO is on, and starts at AuthKit with the fixed redirect URI and a signed state bound to an HttpOnly cookie", async () => {
    expect(await (await fetch(`${baseUrl}/api/auth/sso/config`)).json()).toEqual({ enabled: true });
    const started = await start("?redirect=%2Finbox&email=sam%40acme.example");
    expect(started.location.origin).toBe(`http://127.0.0.1:${stub.port}`);
    expect(started.location.pathname).toBe("/user_management/authorize");
    expect(Object.fromEntries(started.location.searchParams)).toMatchObject({ provider: "authkit", client_id: clientId, redirect_uri: redirectUri, response_type: "code", login_hint: "sam@acme.example" });
    expect(started.state).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(started.setCookie).toMatch(/sso_nonce=[\w-]+;.*HttpOnly/i);
    expect(started.setCookie).toMatch(/SameSite=Lax/i);
  });

  it("first sign-in creates the user, joins the linked workspace as an agent, and its cookie works on tRPC", async () => {
    const email = `first-${crypto.randomUUID()}@acme.example`;
    const before = stub.authenticateRequests.length;
    const result = await ssoSignIn(workosUser(email), organizationId, "/inbox?chat=1");
    expect(result.location).toBe(`${clientOrigin}/inbox?chat=1`);
    expect(result.session).toMatch(/HttpOnly/i);
    expect(stub.authenticateRequests.slice(before)).toEqual([expect.objectContaining({ grant_type: "authorization_code", client_id: clientId, client_secret: "sk_test_stub" })]);

    const api = trpc(result.cookie);
    expect(await api.workspace.get.query()).toMatchObject({ id: workspaceId, role: "agent" });
    // Like any new user, they also got a personal workspace.
    expect((await api.workspace.listMine.query()).map((row) => row.role).sort()).toEqual(["agent", "owner"]);
    const [user] = await database.db.select().from(schema.user).where(eq(schema.user.email, email));
    expect(user).toMatchObject({ emailVerified: true, name: "Sam Single" });
  });

  it("a sign-in through no organization (plain AuthKit) opens the user's personal workspace only", async () => {
    const result = await ssoSignIn(workosUser(`solo-${crypto.randomUUID()}@gmail.example`), null);
    expect(result.location).toBe(`${clientOrigin}/inbox`);
    const workspaces = await trpc(result.cookie).workspace.listMine.query();
    expect(workspaces.map((row) => [row.role, row.active])).toEqual([["owner", true]]);
    expect(workspaces[0]?.id).not.toBe(workspaceId);
  });

  it("a second sign-in reuses the user, the link and the membership", async () => {
    const email = `again-${crypto.randomUUID()}@acme.example`;
    const profile = workosUser(email);
    const first = await ssoSignIn(profile);
    const second = await ssoSignIn({ ...profile, email: email.toUpperCase() });
    expect(second.location).toBe(`${clientOrigin}/inbox`);
    expect(second.cookie).not.toBe(first.cookie);
    const [counts] = await queryRows<{ users: number; members: number; links: number }>(
      database.db,
      sql`select (select count(*)::int from "user" where email = ${email}) as users,
                 (select count(*)::int from member m join "user" u on u.id = m.user_id where u.email = ${email} and m.organization_id = ${workspaceId}) as members,
                 (select count(*)::int from account a join "user" u on u.id = a.user_id where u.email = ${email} and a.provider_id = 'workos' and a.account_id = ${profile.id}) as links`,
    );
    expect(counts).toEqual({ users: 1, members: 1, links: 1 });
    expect((await trpc(second.cookie).workspace.get.query()).id).toBe(workspaceId);
  });

  it("links an existing verified password user by email and keeps their password", async () => {
    const person = await signUp(`linked-${crypto.randomUUID()}@acme.example`);
    await database.db.update(schema.user).set({ emailVerified: true }).where(eq(schema.user.id, person.userId));
    const result = await ssoSignIn(workosUser(person.email));
    expect(result.location).toBe(`${clientOrigin}/inbox`);
    expect(await trpc(result.cookie).workspace.get.query()).toMatchObject({ id: workspaceId, role: "agent" });
    const [row] = await queryRows<{ user_id: string }>(database.db, sql`select user_id from account where provider_id = 'workos' and user_id = ${person.userId}`);
    expect(row?.user_id).toBe(person.userId);
    expect((await authPost("/sign-in/email", { email: person.email, password: testPassword })).status).toBe(200);
  });

  it("drops an unverified password (someone may have pre-registered the address) when its owner arrives by SSO", async () => {
    const person = await signUp(`squatted-${crypto.randomUUID()}@acme.example`);
    const result = await ssoSignIn(workosUser(person.email));
    expect(result.location).toBe(`${clientOrigin}/inbox`);
    expect((await authPost("/sign-in/email", { email: person.email, password: testPassword })).status).toBe(401);
    // The pre-registered session is gone too.
    expect((await fetch(`${baseUrl}/api/auth/get-session`, { headers: { cookie: person.cookie } }).then((response) => response.json())) as unknown).toBeNull();
  });

  it("never returns to another origin", async () => {
    for (const target of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)"]) {
      const result = await ssoSignIn(workosUser(`redirect-${crypto.randomUUID()}@acme.example`), organizationId, target);
      expect(result.location).toBe(`${clientOrigin}/inbox`);
    }
  });

  it("refuses a tampered, replayed or cookie-less state without asking WorkOS", async () => {
    const started = await start("?redirect=%2Finbox");
    const [body, signature] = started.state.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    const forged = `${Buffer.from(JSON.stringify({ ...payload, returnTo: "/settings" })).toString("base64url")}.${signature}`;
    const before = stub.authenticateRequests.length;
    const code = "code-never-exchanged";
    stub.issueCode(code, workosUser(`tamper-${crypto.randomUUID()}@acme.example`), organizationId);
    for (const attempt of [
      { state: forged, cookie: started.cookie },
      { state: `${body}.${signature.slice(0, -2)}AA`, cookie: started.cookie },
      { state: started.state, cookie: "" },
      { state: started.state, cookie: "better-auth.sso_nonce=someone-elses" },
      { state: "", cookie: started.cookie },
    ]) {
      const result = await callback({ code, ...attempt });
      expect(result.location).toBe(`${clientOrigin}/sign-in?error=sso_state_invalid`);
      expect(result.session).toBeUndefined();
    }
    expect(stub.authenticateRequests.length).toBe(before);
  });

  it("refuses a state older than ten minutes", async () => {
    const started = await start();
    const code = `code-${crypto.randomUUID()}`;
    stub.issueCode(code, workosUser(`late-${crypto.randomUUID()}@acme.example`), organizationId);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 11 * 60 * 1000);
      expect((await callback({ code, state: started.state, cookie: started.cookie })).location).toBe(`${clientOrigin}/sign-in?error=sso_state_invalid`);
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses an expired or used code with WorkOS's invalid_grant as sso_code_invalid", async () => {
    const started = await start();
    const result = await callback({ code: "code-expired", state: started.state, cookie: started.cookie });
    expect(result.location).toBe(`${clientOrigin}/sign-in?error=sso_code_invalid`);
    expect(result.session).toBeUndefined();
  });

  it("refuses an organization without a linked workspace, creating nobody", async () => {
    const email = `unlinked-${crypto.randomUUID()}@other.example`;
    const result = await ssoSignIn(workosUser(email), "org_01HNOTLINKED000000000000");
    expect(result.location).toBe(`${clientOrigin}/sign-in?error=sso_no_workspace`);
    expect(result.session).toBeUndefined();
    expect(await database.db.select().from(schema.user).where(eq(schema.user.email, email))).toEqual([]);
  });

  it("refuses an email WorkOS has not verified", async () => {
    const result = await ssoSignIn({ ...workosUser(`unverified-${crypto.randomUUID()}@acme.example`), email_verified: false });
    expect(result.location).toBe(`${clientOrigin}/sign-in?error=sso_email_unverified`);
  });

  it("refuses a new member when the workspace is at its plan's member limit, and when the plan lost SSO", async () => {
    const { db } = database;
    // A second Business workspace, filled to its 50 members.
    const other = await signUp();
    const otherWorkspace = (await trpc(other.cookie).workspace.get.query()).id;
    await db.insert(schema.subscription).values({ workspaceId: otherWorkspace, plan: "business", status: "active" });
    await trpc(other.cookie).workspace.setSso.mutate({ organizationId: "org_01HFULL0000000000000000000", requireSso: false });
    const fillers = Array.from({ length: 49 }, () => ({ id: crypto.randomUUID(), name: "Filler", email: `filler-${crypto.randomUUID()}@example.com`, emailVerified: true }));
    await db.insert(schema.user).values(fillers);
    await db.insert(schema.member).values(fillers.map((user) => ({ id: crypto.randomUUID(), organizationId: otherWorkspace, userId: user.id, role: "agent", createdAt: new Date() })));
    const email = `overflow-${crypto.randomUUID()}@acme.example`;
    expect((await ssoSignIn(workosUser(email), "org_01HFULL0000000000000000000")).location).toBe(`${clientOrigin}/sign-in?error=sso_workspace_full`);
    expect(await db.select().from(schema.user).where(eq(schema.user.email, email))).toEqual([]);

    await db.update(schema.subscription).set({ plan: "pro" }).where(eq(schema.subscription.workspaceId, otherWorkspace));
    expect((await ssoSignIn(workosUser(email), "org_01HFULL0000000000000000000")).location).toBe(`${clientOrigin}/sign-in?error=sso_not_in_plan`);
  });
});

describe("require-SSO policy", () => {
  it("refuses password sign-in to the workspace's members (not its owner) while on, with SSO_REQUIRED", async () => {
    const member = await signUp(`policy-${crypto.randomUUID()}@acme.example`);
    await database.db.update(schema.user).set({ emailVerified: true }).where(eq(schema.user.id, member.userId));
    await ssoSignIn(workosUser(member.email));
    expect((await authPost("/sign-in/email", { email: member.email, password: testPassword })).status).toBe(200);

    await trpc(owner.cookie).workspace.setSso.mutate({ organizationId, requireSso: true });
    const refused = await authPost("/sign-in/email", { email: member.email, password: testPassword });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "SSO_REQUIRED", message: "Your workspace requires signing in with SSO." });
    expect(refused.headers.getSetCookie().some((cookie) => cookie.startsWith("better-auth.session_token=") && !/Max-Age=0/i.test(cookie))).toBe(false);
    // A wrong password is still just a wrong password (the policy does not reveal membership).
    expect((await authPost("/sign-in/email", { email: member.email, password: "wrong password!!" })).status).toBe(401);
    // The owner keeps a way in; SSO itself still works for the member.
    expect((await authPost("/sign-in/email", { email: owner.email, password: testPassword })).status).toBe(200);
    expect((await ssoSignIn(workosUser(member.email))).location).toBe(`${clientOrigin}/inbox`);

    await trpc(owner.cookie).workspace.setSso.mutate({ organizationId, requireSso: false });
    expect((await authPost("/sign-in/email", { email: member.email, password: testPassword })).status).toBe(200);
  });
});

describe("workspace.sso and workspace.setSso", () => {
  it("needs a plan with SSO: Free answers PLAN_LIMIT with the upgrade link", async () => {
    const free = await signUp();
    expect(await trpc(free.cookie).workspace.sso.query()).toEqual({ organizationId: null, requireSso: false, planIncludesSso: false, upgradeUrl: `${subscriptionOrigin}/pricing` });
    const error = await trpcError(trpc(free.cookie).workspace.setSso.mutate({ organizationId: "org_01HFREE0000000000000000000", requireSso: false }));
    expect(error.data?.code).toBe("FORBIDDEN");
    expect((error.data as { cause?: unknown }).cause).toEqual({ code: "PLAN_LIMIT", limit: 0, used: 0, plan: "free", upgradeUrl: `${subscriptionOrigin}/pricing` });
    expect(await trpc(free.cookie).workspace.sso.query()).toMatchObject({ organizationId: null });
  });

  it("keeps one organization to one workspace, and each workspace sees and changes only its own link", async () => {
    const other = await signUp();
    const otherWorkspace = (await trpc(other.cookie).workspace.get.query()).id;
    await database.db.insert(schema.subscription).values({ workspaceId: otherWorkspace, plan: "business", status: "active" });
    const conflict = await trpcError(trpc(other.cookie).workspace.setSso.mutate({ organizationId, requireSso: true }));
    expect(conflict.data?.code).toBe("CONFLICT");
    expect(conflict.message).toMatch(/already linked/);
    expect(await trpc(other.cookie).workspace.sso.query()).toMatchObject({ organizationId: null, requireSso: false, planIncludesSso: true });
    // Unlinking their own workspace does not touch the owner's.
    await trpc(other.cookie).workspace.setSso.mutate({ organizationId: null, requireSso: false });
    expect(await trpc(owner.cookie).workspace.sso.query()).toMatchObject({ organizationId, planIncludesSso: true, upgradeUrl: null });
  });

  it("is for owners and admins: an agent gets FORBIDDEN on both", async () => {
    const agent = await ssoSignIn(workosUser(`agent-${crypto.randomUUID()}@acme.example`));
    expect((await trpcError(trpc(agent.cookie).workspace.sso.query())).data?.code).toBe("FORBIDDEN");
    expect((await trpcError(trpc(agent.cookie).workspace.setSso.mutate({ organizationId: null, requireSso: false }))).data?.code).toBe("FORBIDDEN");
    expect(await trpc(owner.cookie).workspace.sso.query()).toMatchObject({ organizationId });
  });

  it("refuses a malformed organization id with 400", async () => {
    for (const bad of ["", "org_", "acme", "org_with space", "org_' OR 1=1"]) {
      const error = await trpcError(trpc(owner.cookie).workspace.setSso.mutate({ organizationId: bad, requireSso: false }));
      expect(error.data?.httpStatus).toBe(400);
    }
  });
});

describe("WORKOS_* settings", () => {
  it("turn SSO on only all together, with the stub overrides for tests", () => {
    const dataDir = () => mkdtempSync(path.join(tmpdir(), "nexis-sso-env-"));
    expect(loadServerEnv({ DATA_DIR: dataDir() }).workos).toBeUndefined();
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), WORKOS_API_KEY: "sk_test_x" })).toThrow(/WORKOS_CLIENT_ID, WORKOS_REDIRECT_URI/);
    expect(() => loadServerEnv({ DATA_DIR: dataDir(), WORKOS_API_KEY: "sk", WORKOS_CLIENT_ID: "client_x", WORKOS_REDIRECT_URI: "not a url" })).toThrow(/WORKOS_REDIRECT_URI/);
    const env = loadServerEnv({
      DATA_DIR: dataDir(),
      WORKOS_API_KEY: "sk_test_x",
      WORKOS_CLIENT_ID: "client_x",
      WORKOS_REDIRECT_URI: redirectUri,
      WORKOS_API_HOSTNAME: "127.0.0.1",
      WORKOS_API_PORT: "9999",
      WORKOS_API_HTTPS: "false",
    });
    expect(env.workos).toEqual({ apiKey: "sk_test_x", clientId: "client_x", redirectUri, apiHostname: "127.0.0.1", port: 9999, https: false });
  });
});

describe("without WorkOS settings", () => {
  it("says SSO is off and the routes answer 404", async () => {
    const app = createApp(testAppOptions(database));
    expect(await (await app.request("/api/auth/sso/config")).json()).toEqual({ enabled: false });
    expect((await app.request("/api/auth/sso/start")).status).toBe(404);
    expect((await app.request("/api/auth/sso/callback?code=x&state=y")).status).toBe(404);
  });
});
