import { schema } from "@nexis/db";
import { listAudit } from "@nexis/db/queries/audit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientOrigin, startTestServer, subscriptionOrigin, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let workspaceId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Owner");
  workspaceId = (await owner.trpc.workspace.get.query()).id;
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** The invitation id in the newest mail to `email`, read from the dev mailbox as a user would. */
async function invitationIdFromMailbox(email: string): Promise<string> {
  const mail = (await server.readMailbox()).filter((entry) => entry.to === email && entry.link?.includes("/invite/")).at(-1);
  const id = mail?.link?.match(/\/invite\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no invitation mail to ${email}`);
  return id;
}

/** Invites a new person with `role`, who signs up with the invited email and accepts. */
async function join(inviter: TestUser, role: "owner" | "admin" | "agent", name: string): Promise<TestUser & { memberId: string }> {
  const email = `${name.toLowerCase()}-${crypto.randomUUID()}@example.com`;
  await inviter.trpc.member.invite.mutate({ email, role });
  const user = await server.signUp(name, email);
  const accepted = await user.trpc.member.accept.mutate({ invitationId: await invitationIdFromMailbox(email) });
  return { ...user, memberId: accepted.memberId };
}

const roleOf = async (memberId: string) => (await owner.trpc.member.list.query()).members.find((row) => row.id === memberId)?.role;

describe("tRPC: member", () => {
  it("invites by email: the mail lands in the dev mailbox, the invited user signs up and accepts with that role", async () => {
    const email = `Agent.${crypto.randomUUID()}@Example.com`;
    const invitation = await owner.trpc.member.invite.mutate({ email, role: "agent" });
    expect(invitation).toMatchObject({ email: email.toLowerCase(), role: "agent" });
    expect((await owner.trpc.member.list.query()).invitations).toEqual([expect.objectContaining({ id: invitation.id, role: "agent" })]);

    const [mail] = (await server.readMailbox()).filter((entry) => entry.link?.includes("/invite/"));
    expect(mail).toMatchObject({ to: email.toLowerCase(), link: `${clientOrigin}/invite/${invitation.id}` });
    expect(mail?.subject).toContain("Owner's workspace");
    expect(mail?.text).toContain(mail?.link);

    const agent = await server.signUp("Agent", email.toLowerCase());
    const stranger = await server.signUp("Stranger");
    // Only the recipient can accept; to anyone else the invitation does not exist.
    expect((await trpcError(stranger.trpc.member.accept.mutate({ invitationId: invitation.id }))).data?.code).toBe("NOT_FOUND");

    const accepted = await agent.trpc.member.accept.mutate({ invitationId: await invitationIdFromMailbox(email.toLowerCase()) });
    expect(accepted).toMatchObject({ workspaceId, role: "agent" });
    // Accepting opens the workspace in the session.
    expect(await agent.trpc.workspace.get.query()).toMatchObject({ id: workspaceId, role: "agent" });
    const { members, invitations } = await owner.trpc.member.list.query();
    expect(members.map((row) => [row.name, row.role])).toEqual([
      ["Owner", "owner"],
      ["Agent", "agent"],
    ]);
    expect(invitations).toEqual([]);
    expect((await trpcError(agent.trpc.member.accept.mutate({ invitationId: invitation.id }))).data?.code).toBe("PRECONDITION_FAILED");

    const trail = await listAudit(server.database.db, { workspaceId, limit: 10 });
    expect(trail.map((entry) => [entry.action, entry.actorUserId]).sort()).toEqual([
      ["member.accept", agent.userId],
      ["member.invite", owner.userId],
    ].sort());
    for (const entry of trail) expect(entry.ipAddress).toBe("127.0.0.1");
  });

  it("refuses the Free plan's next member with a typed PLAN_LIMIT cause", async () => {
    // Free allows 2 members: the owner and the agent above.
    const error = await trpcError(owner.trpc.member.invite.mutate({ email: "third@example.com", role: "agent" }));
    expect(error.data?.code).toBe("FORBIDDEN");
    expect((error.data as { cause?: unknown }).cause).toEqual({ code: "PLAN_LIMIT", limit: 2, used: 2, plan: "free", upgradeUrl: `${subscriptionOrigin}/pricing` });
    expect((await owner.trpc.member.list.query()).invitations).toEqual([]);
    await server.database.db.insert(schema.subscription).values({ workspaceId, plan: "pro", status: "active" });
  });

  it("changes a role (audited) and removes a member, who then loses access", async () => {
    const member = await join(owner, "agent", "Promoted");
    expect(await owner.trpc.member.changeRole.mutate({ id: member.memberId, role: "admin" })).toMatchObject({ role: "admin", previousRole: "agent" });
    expect(await member.trpc.workspace.get.query()).toMatchObject({ role: "admin" });
    const [change] = await listAudit(server.database.db, { workspaceId, limit: 1 });
    expect(change).toMatchObject({ action: "member.role-change", actorUserId: owner.userId, targetId: member.memberId, metadata: { from: "agent", to: "admin" }, ipAddress: "127.0.0.1" });

    expect(await owner.trpc.member.remove.mutate({ id: member.memberId })).toMatchObject({ id: member.memberId });
    expect(await roleOf(member.memberId)).toBeUndefined();
    expect((await trpcError(member.trpc.tag.list.query())).data?.code).toBe("FORBIDDEN");
    // The inbox's reads run beside the membership check; a removed member still gets only the refusal.
    for (const read of [() => member.trpc.chat.list.query({}), () => member.trpc.search.inbox.query({ query: "hello" })]) {
      const refusal = await trpcError(read());
      expect(refusal.data?.code).toBe("FORBIDDEN");
      expect(refusal.message).toBe("You are not a member of this workspace.");
    }
    const [removal] = await listAudit(server.database.db, { workspaceId, limit: 1 });
    expect(removal).toMatchObject({ action: "member.remove", actorUserId: owner.userId, targetId: member.memberId });
  });

  it("never removes or demotes the last owner", async () => {
    const [self] = (await owner.trpc.member.list.query()).members;
    if (!self) throw new Error("no owner membership");
    for (const call of [() => owner.trpc.member.changeRole.mutate({ id: self.id, role: "admin" }), () => owner.trpc.member.remove.mutate({ id: self.id })]) {
      const error = await trpcError(call());
      expect(error.data?.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toMatch(/at least one owner/);
    }
    expect(await roleOf(self.id)).toBe("owner");

    // With a second owner, one may step down; the other is then the last.
    const coOwner = await join(owner, "owner", "CoOwner");
    await owner.trpc.member.changeRole.mutate({ id: self.id, role: "admin" });
    expect((await trpcError(coOwner.trpc.member.changeRole.mutate({ id: coOwner.memberId, role: "agent" }))).data?.code).toBe("PRECONDITION_FAILED");
    await coOwner.trpc.member.changeRole.mutate({ id: self.id, role: "owner" });
    expect(await roleOf(self.id)).toBe("owner");

    // Two owners demoting each other at once: one wins, the other is told an owner must remain.
    const results = await Promise.allSettled([
      owner.trpc.member.changeRole.mutate({ id: coOwner.memberId, role: "admin" }),
      coOwner.trpc.member.changeRole.mutate({ id: self.id, role: "admin" }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.flatMap((result) => (result.status === "rejected" ? [result.reason as { data?: { code?: string } }] : []));
    expect(["PRECONDITION_FAILED", "FORBIDDEN"]).toContain(refused?.data?.code);
    const owners = (await server.database.db.select().from(schema.member)).filter((row) => row.organizationId === workspaceId && row.role === "owner");
    expect(owners).toHaveLength(1);
    if (owners[0]?.id !== self.id) await coOwner.trpc.member.changeRole.mutate({ id: self.id, role: "owner" });
    await owner.trpc.member.remove.mutate({ id: coOwner.memberId });
  });

  it("keeps admins off owners and agents off member management", async () => {
    const admin = await join(owner, "admin", "Admin");
    const agent = await join(admin, "agent", "Helper");
    const [self] = (await owner.trpc.member.list.query()).members;
    if (!self) throw new Error("no owner membership");
    const before = await owner.trpc.member.list.query();

    const adminRefusals = [
      () => admin.trpc.member.invite.mutate({ email: "boss@example.com", role: "owner" }),
      () => admin.trpc.member.changeRole.mutate({ id: agent.memberId, role: "owner" }),
      () => admin.trpc.member.changeRole.mutate({ id: self.id, role: "agent" }),
      () => admin.trpc.member.remove.mutate({ id: self.id }),
    ];
    for (const call of adminRefusals) expect((await trpcError(call())).data?.code).toBe("FORBIDDEN");

    const agentRefusals = [
      () => agent.trpc.member.invite.mutate({ email: "friend@example.com", role: "agent" }),
      () => agent.trpc.member.changeRole.mutate({ id: agent.memberId, role: "admin" }),
      () => agent.trpc.member.remove.mutate({ id: admin.memberId }),
    ];
    for (const call of agentRefusals) expect((await trpcError(call())).data?.code).toBe("FORBIDDEN");
    expect(await agent.trpc.member.list.query()).toEqual(before);

    // What an admin may do: manage non-owners.
    expect(await admin.trpc.member.changeRole.mutate({ id: agent.memberId, role: "admin" })).toMatchObject({ role: "admin" });
    expect(await admin.trpc.member.remove.mutate({ id: agent.memberId })).toMatchObject({ id: agent.memberId });
  });
});

describe("password reset mail", () => {
  it("lands in the dev mailbox with Better Auth's reset link", async () => {
    const user = await server.signUp("Forgetful");
    const response = await server.authPost("/request-password-reset", { email: user.email, redirectTo: `${clientOrigin}/reset-password` });
    expect(response.status).toBe(200);
    const mail = (await server.readMailbox()).find((entry) => entry.to === user.email && entry.link?.includes("/reset-password/"));
    expect(mail?.subject).toBe("Reset your NexisChat password");
    expect(mail?.link).toMatch(/^http:\/\/localhost:8787\/api\/auth\/reset-password\/[\w-]+\?callbackURL=/);
  });
});
