import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxProductIds } from "../src/billing/products.ts";
import { sandboxSecrets } from "../src/billing/service.ts";
import { webhookSignature } from "../src/billing/signatures.ts";
import { seedChats } from "./support/chats.ts";
import { startTestServer, subscriptionOrigin, testAppOptions, trpcError, type TestServer, type TestUser } from "./support/server.ts";

/**
 * After a downgrade nothing is deleted: what is past the Free plan's limits stays readable but
 * cannot be used (numbers beyond the limit cannot send, templates beyond it cannot be edited or
 * used, a full workspace takes no one new), each refusal a FORBIDDEN with the PLAN_LIMIT cause.
 */
let server: TestServer;
let owner: TestUser;
let agent: TestUser;
let invitee: TestUser;
let pendingInvitationId: string;
let workspaceId: string;
const accountIds: string[] = [];
const chatOf: Record<string, { chatId: string; messageId: string }> = {};
const templateIds: string[] = [];
const secret = sandboxSecrets(testAppOptions({} as never).authSecret ?? "").webhookSecret;
let eventCounter = 0;

/** Sends a signed Creem-shaped subscription event about the owner's workspace. */
async function subscriptionEvent(eventType: string, status: string) {
  const body = JSON.stringify({
    id: `evt_limits_${++eventCounter}`,
    eventType,
    created_at: Date.now(),
    object: { id: "sub_limits", object: "subscription", product: { id: sandboxProductIds.pro.month }, customer: { id: "cust_limits" }, status, metadata: { workspaceId } },
  });
  const response = await fetch(`${server.baseUrl}/webhooks/creem`, { method: "POST", headers: { "creem-signature": webhookSignature(body, secret) }, body });
  expect(response.status).toBe(200);
}

/** The refusal's code and typed cause, or null when the call went through (or failed otherwise). */
async function planLimit(call: Promise<unknown>) {
  try {
    await call;
    return null;
  } catch (error) {
    const data = (error as { data?: { code?: string; cause?: { code?: string; limit?: number; upgradeUrl?: string } } }).data;
    return data?.cause?.code === "PLAN_LIMIT" ? { code: data.code, cause: data.cause, message: (error as Error).message } : null;
  }
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Limits owner");
  workspaceId = (await owner.trpc.workspace.get.query()).id;
  await subscriptionEvent("subscription.paid", "active");
  expect((await owner.trpc.billing.overview.query()).plan.id).toBe("pro");

  // On Pro: two numbers, eleven templates, three members and one invitation still open.
  for (const name of ["First", "Second"]) {
    const account = await owner.trpc.account.addAccount.mutate({ name });
    accountIds.push(account.id);
    const seeded = await seedChats(server.database.db, { workspaceId, accountId: account.id, count: 1, messagesInFirst: 1 });
    chatOf[account.id] = { chatId: seeded.chatIds[0] ?? "", messageId: seeded.messageIds[0] ?? "" };
  }
  for (let index = 1; index <= 11; index++) {
    templateIds.push((await owner.trpc.template.create.mutate({ name: `Reply ${index}`, body: `Hello {{contact.name}}, reply ${index}` })).id);
  }
  const join = async (name: string) => {
    const email = `limits-${name.toLowerCase()}-${Date.now()}@example.com`;
    const invitation = await owner.trpc.member.invite.mutate({ email, role: "agent" });
    return { user: await server.signUp(name, email), invitationId: invitation.id };
  };
  const first = await join("Agent");
  agent = first.user;
  await agent.trpc.member.accept.mutate({ invitationId: first.invitationId });
  const second = await join("Second");
  await second.user.trpc.member.accept.mutate({ invitationId: second.invitationId });
  const pending = await join("Late");
  invitee = pending.user;
  pendingInvitationId = pending.invitationId;

  // The paid period ends: back to Free (1 number, 2 members, 10 templates).
  await subscriptionEvent("subscription.expired", "expired");
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("over-limit resources after a downgrade to Free are read-only, not deleted", () => {
  it("keeps everything and says what is over the limit", async () => {
    const overview = await owner.trpc.billing.overview.query();
    expect(overview.plan.id).toBe("free");
    expect(overview.usage).toMatchObject({ accounts: 2, members: 3, templates: 11 });
    expect(overview.overLimit).toEqual(expect.arrayContaining(["accounts", "members", "templates"]));
  });

  it("numbers: the one linked first still sends; the second cannot send, react, edit or delete", async () => {
    const [first, second] = accountIds as [string, string];
    const refusal = await planLimit(owner.trpc.message.send.mutate({ chatId: chatOf[second]?.chatId ?? "", text: "Still here?" }));
    expect(refusal).toMatchObject({ code: "FORBIDDEN", cause: { code: "PLAN_LIMIT", limit: 1, upgradeUrl: `${subscriptionOrigin}/pricing` } });
    expect(refusal?.message).toMatch(/read-only until you upgrade/);
    const messageId = chatOf[second]?.messageId ?? "";
    expect(await planLimit(owner.trpc.message.react.mutate({ id: messageId, emoji: "👍" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await planLimit(owner.trpc.message.edit.mutate({ id: messageId, text: "edited" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await planLimit(owner.trpc.message.revoke.mutate({ id: messageId }))).toMatchObject({ code: "FORBIDDEN" });
    // Reading is untouched.
    expect((await owner.trpc.message.list.query({ chatId: chatOf[second]?.chatId ?? "" })).items).toHaveLength(1);
    // The first number is within the plan: whatever happens next, the plan does not refuse it.
    expect(await planLimit(owner.trpc.message.send.mutate({ chatId: chatOf[first]?.chatId ?? "", text: "Hello" }))).toBeNull();
    expect(await planLimit(owner.trpc.message.react.mutate({ id: chatOf[first]?.messageId ?? "", emoji: "👍" }))).toBeNull();
  });

  it("templates: the ten oldest stay usable; the eleventh can be read and deleted but not edited or used", async () => {
    const newest = templateIds[10] ?? "";
    expect((await owner.trpc.template.list.query()).map((template) => template.id).sort()).toEqual([...templateIds].sort());
    const refusal = await planLimit(owner.trpc.template.update.mutate({ id: newest, body: "changed" }));
    expect(refusal).toMatchObject({ code: "FORBIDDEN", cause: { code: "PLAN_LIMIT", limit: 10, upgradeUrl: `${subscriptionOrigin}/pricing` } });
    expect(refusal?.message).toMatch(/read-only until you upgrade/);
    expect(await planLimit(owner.trpc.template.render.query({ id: newest }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await planLimit(owner.trpc.message.send.mutate({ kind: "template", chatId: chatOf[accountIds[0] ?? ""]?.chatId ?? "", templateId: newest }))).toMatchObject({
      code: "FORBIDDEN",
      cause: { code: "PLAN_LIMIT", limit: 10 },
    });
    expect(await owner.trpc.template.update.mutate({ id: templateIds[0] ?? "", body: "Hi {{contact.name}}" })).toMatchObject({ body: "Hi {{contact.name}}" });
    expect((await owner.trpc.template.render.query({ id: templateIds[9] ?? "" })).text).toContain("reply 10");
    expect(await planLimit(owner.trpc.template.create.mutate({ name: "Twelfth", body: "no" }))).toMatchObject({ code: "FORBIDDEN" });

    await owner.trpc.template.delete.mutate({ id: newest });
    expect((await owner.trpc.billing.overview.query()).overLimit).not.toContain("templates");
  });

  it("members: everyone already in keeps access; no one new is invited or joins while the workspace is full", async () => {
    expect((await agent.trpc.member.list.query()).members).toHaveLength(3);
    const invite = await planLimit(owner.trpc.member.invite.mutate({ email: `late-${Date.now()}@example.com`, role: "agent" }));
    expect(invite).toMatchObject({ code: "FORBIDDEN", cause: { code: "PLAN_LIMIT", limit: 2 } });
    const accept = await planLimit(invitee.trpc.member.accept.mutate({ invitationId: pendingInvitationId }));
    expect(accept).toMatchObject({ code: "FORBIDDEN", cause: { code: "PLAN_LIMIT", limit: 2, upgradeUrl: `${subscriptionOrigin}/pricing` } });
    expect(accept?.message).toMatch(/is full/);
    expect((await owner.trpc.member.list.query()).members).toHaveLength(3);
  });

  it("another workspace cannot reach these templates through the guard (NOT_FOUND, not PLAN_LIMIT)", async () => {
    const stranger = await server.signUp("Limits stranger");
    const error = await trpcError(stranger.trpc.template.update.mutate({ id: templateIds[0] ?? "", body: "mine now" }));
    expect(error.data?.code).toBe("NOT_FOUND");
  });

  it("an upgrade lifts every read-only resource at once", async () => {
    await subscriptionEvent("subscription.paid", "active");
    expect(await planLimit(owner.trpc.message.react.mutate({ id: chatOf[accountIds[1] ?? ""]?.messageId ?? "", emoji: "👍" }))).toBeNull();
    expect(await planLimit(invitee.trpc.member.accept.mutate({ invitationId: pendingInvitationId }))).toBeNull();
    expect((await owner.trpc.billing.overview.query()).overLimit).toEqual([]);
  });
});
