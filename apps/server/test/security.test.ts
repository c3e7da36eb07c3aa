import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpTimeoutOptions } from "../src/security/http-timeouts.ts";
import { clientOrigin, cookieHeader, startTestServer, testPassword, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Security Owner");
  await owner.trpc.workspace.create.mutate({ name: "Fortress" });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** A cookie-authenticated tRPC mutation as a browser would send it, from `origin`. */
function cookieMutation(path: string, input: unknown, headers: Record<string, string>) {
  return fetch(`${server.baseUrl}/trpc/${path}`, { method: "POST", headers: { cookie: owner.cookie, ...headers }, body: JSON.stringify(input) });
}

describe("CSRF on cookie-authenticated mutations", () => {
  it("refuses a mutation from another site's page, even as a 'simple' text/plain request", async () => {
    const before = await owner.trpc.workspace.get.query();
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": "text/plain" },
      { origin: "https://evil.example", "content-type": "application/json" },
      { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      { origin: "null", "content-type": "text/plain" },
    ];
    for (const headers of crossSite) {
      const response = await cookieMutation("workspace.rename", { name: "Pwned" }, headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect((await owner.trpc.workspace.get.query()).name).toBe(before.name);
  });

  it("accepts the same mutation from the client's origin", async () => {
    const response = await cookieMutation("workspace.rename", { name: "Fortress Two" }, { origin: clientOrigin, "content-type": "application/json" });
    expect(response.status).toBe(200);
    expect((await owner.trpc.workspace.get.query()).name).toBe("Fortress Two");
  });
});

describe("session fixation", () => {
  it("issues a fresh session at sign-in, ignoring a session cookie planted before", async () => {
    const planted = "better-auth.session_token=planted-by-attacker.signature";
    const response = await server.authPost("/sign-in/email", { email: owner.email, password: testPassword }, { cookie: planted });
    expect(response.status).toBe(200);
    const issued = cookieHeader(response);
    expect(issued).toContain("better-auth.session_token=");
    expect(issued).not.toContain("planted-by-attacker");
    // The planted value is no session.
    const withPlanted = await fetch(`${server.baseUrl}/api/auth/get-session`, { headers: { cookie: planted, origin: clientOrigin } });
    expect(await withPlanted.json()).toBeNull();
  });
});

describe("invitations", () => {
  it("cannot be accepted twice, nor by someone it was not sent to", async () => {
    const invitee = await server.signUp("Invitee");
    const stranger = await server.signUp("Stranger");
    const invitation = await owner.trpc.member.invite.mutate({ email: invitee.email, role: "agent" });
    await expect(stranger.trpc.member.accept.mutate({ invitationId: invitation.id })).rejects.toThrow();
    await invitee.trpc.member.accept.mutate({ invitationId: invitation.id });
    await expect(invitee.trpc.member.accept.mutate({ invitationId: invitation.id })).rejects.toThrow();
    const members = await owner.trpc.member.list.query();
    expect(members.members.filter((member) => member.email === invitee.email)).toHaveLength(1);
    expect(members.members.some((member) => member.email === stranger.email)).toBe(false);
  });
});

describe("open redirects", () => {
  it("refuses a callback URL on another site in every auth flow that takes one", async () => {
    const evil = "https://evil.example/steal";
    const signIn = await server.authPost("/sign-in/email", { email: owner.email, password: testPassword, callbackURL: evil });
    expect(signIn.status).toBe(403);
    const reset = await server.authPost("/request-password-reset", { email: owner.email, redirectTo: evil });
    expect(reset.status).toBe(403);
    const verify = await fetch(`${server.baseUrl}/api/auth/verify-email?token=x&callbackURL=${encodeURIComponent(evil)}`, { redirect: "manual" });
    expect(verify.headers.get("location") ?? "").not.toContain("evil.example");
  });
});

/** Opens a live stream and reads until its first frame; answers the first frame's text and a close. */
async function openStream(token: string): Promise<{ first: string; close: () => void }> {
  const controller = new AbortController();
  const response = await fetch(`${server.baseUrl}/trpc/events.live`, { headers: { accept: "text/event-stream", authorization: `Bearer ${token}` }, signal: controller.signal });
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let text = "";
  while (!text.includes("\n\n")) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  return { first: text, close: () => controller.abort() };
}

describe("live stream floods", () => {
  it("caps one user's open streams, refuses the next with a clear message, and frees a slot when one closes", async () => {
    const streams = [];
    for (let index = 0; index < 10; index += 1) streams.push(await openStream(owner.token));
    for (const stream of streams) expect(stream.first).toContain("connected");
    const refused = await openStream(owner.token);
    expect(refused.first).toContain("TOO_MANY_REQUESTS");
    expect(refused.first).toContain("Too many live connections");
    refused.close();
    // Another user is not affected by the owner's streams.
    const other = await server.signUp("Other streamer");
    await other.trpc.workspace.create.mutate({ name: "Other streams" });
    const theirs = await openStream(other.token);
    expect(theirs.first).toContain("connected");
    theirs.close();
    streams.pop()?.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await openStream(owner.token);
    expect(again.first).toContain("connected");
    again.close();
    for (const stream of streams) stream.close();
  });
});

describe("slow-body requests", () => {
  it("answers 408 and closes a connection whose body trickles in past the request timeout", async () => {
    // The real app behind the server options index.ts uses, with short limits for the test.
    const slow = serve({ fetch: server.app.fetch, hostname: "127.0.0.1", port: 0, serverOptions: httpTimeoutOptions({ requestTimeoutMs: 600, headersTimeoutMs: 600, checkIntervalMs: 100 }) });
    await new Promise<void>((resolve) => slow.once("listening", resolve));
    try {
      const { port } = slow.address() as AddressInfo;
      const socket = connect(port, "127.0.0.1");
      let answer = "";
      socket.on("data", (chunk) => (answer += chunk.toString()));
      const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
      const started = Date.now();
      socket.write(`POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"na`);
      // One more byte now and then, never the whole body.
      const drip = setInterval(() => socket.write(" "), 100);
      const closedAt = await closed;
      clearInterval(drip);
      expect(answer).toContain("408");
      expect(closedAt - started).toBeLessThan(3_000);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });
});

describe("security headers", () => {
  it("sends CSP with frame-ancestors 'none', a referrer policy, nosniff, and HSTS only behind TLS", async () => {
    const plain = await fetch(`${server.baseUrl}/health`);
    expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(plain.headers.get("referrer-policy")).toBe("no-referrer");
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const overTls = await server.app.request("https://api.example.com/health");
    expect(overTls.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    // A forwarded protocol counts only behind a trusted proxy (the test server trusts none).
    const spoofed = await fetch(`${server.baseUrl}/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
  });
});
