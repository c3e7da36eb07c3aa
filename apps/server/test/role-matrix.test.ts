import { schema } from "@nexis/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, callRaw, procedureCases, routerProcedures, type Fixture } from "./support/procedures.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

type Role = "owner" | "admin" | "agent";
const everyone: Role[] = ["owner", "admin", "agent"];
const managers: Role[] = ["owner", "admin"];

/**
 * The role matrix of README.md, written out by hand (not read from `permissions.ts`), so a change
 * to the guard that disagrees with the documented matrix fails here. Every mutation is listed.
 */
const matrix: Record<string, Role[]> = {
  "account.addAccount": managers,
  "account.rename": managers,
  "account.setSendRate": managers,
  "account.remove": managers,
  "account.requestCode": managers,
  "account.restart": managers,
  "account.logout": managers,
  "workspace.create": everyone,
  "workspace.rename": managers,
  "workspace.setActive": everyone,
  "workspace.delete": ["owner"],
  "workspace.setSso": managers,
  "member.invite": managers,
  "member.accept": everyone,
  "member.changeRole": managers,
  "member.remove": managers,
  "tag.create": managers,
  "tag.rename": managers,
  "tag.setColor": managers,
  "tag.delete": managers,
  "tag.attach": everyone,
  "tag.detach": everyone,
  "folder.create": managers,
  "folder.rename": managers,
  "folder.reorder": managers,
  "folder.delete": managers,
  "folder.addChats": everyone,
  "folder.removeChats": everyone,
  "template.create": managers,
  "template.update": managers,
  "template.delete": managers,
  "billing.checkout": ["owner"],
  "billing.changePlan": ["owner"],
  "billing.cancel": ["owner"],
  "billing.resume": ["owner"],
  "billing.portalUrl": ["owner"],
  "message.send": everyone,
  "message.forward": everyone,
  "chat.typing": everyone,
  "message.retry": everyone,
  "chat.markRead": everyone,
  "chat.markUnread": everyone,
  "chat.assign": everyone,
  "chat.setArchived": everyone,
  "chat.setPinned": everyone,
  "chat.setMuted": everyone,
  "note.create": everyone,
  "message.react": everyone,
  "message.edit": everyone,
  "message.revoke": everyone,
  // The fixture's note is the owner's: an agent may delete only their own.
  "note.delete": managers,
  // Only a note's author changes its words (the fixture's note is the owner's).
  "note.update": ["owner"],
};

/** Allowed calls whose valid-looking input cannot succeed in a fresh workspace (not a role question). */
const notRoleRefusal: Record<string, string> = {
  // The fixture's invitation is addressed to someone else; accepting it is NOT_FOUND for anyone.
  "member.accept": "NOT_FOUND",
  // The Business plan here is a bare row with no provider subscription or customer behind it.
  "billing.changePlan": "PRECONDITION_FAILED",
  "billing.cancel": "PRECONDITION_FAILED",
  "billing.resume": "PRECONDITION_FAILED",
  "billing.portalUrl": "PRECONDITION_FAILED",
  // The fixture's number never linked; sending is refused for that, after the role check.
  "message.send": "PRECONDITION_FAILED",
  "message.forward": "PRECONDITION_FAILED",
  "chat.typing": "PRECONDITION_FAILED",
  // The fixture has no failed message to send again.
  "message.retry": "NOT_FOUND",
  // The fixture's number never linked (the WhatsApp service refuses), and its newest message is
  // the contact's, which nobody may edit or delete.
  "message.react": "PRECONDITION_FAILED",
  "message.edit": "FORBIDDEN",
  "message.revoke": "FORBIDDEN",
};

let server: TestServer;
let owner: TestUser;
const users = {} as Record<Role, TestUser>;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Matrix owner");
  users.owner = owner;
  users.admin = await server.signUp("Matrix admin");
  users.agent = await server.signUp("Matrix agent");
}, 60_000);

afterAll(async () => {
  await server?.close();
});

/** A fresh Business workspace (no plan limit in the way) with a fixture, `user` in it as `role` plus one more agent. */
async function workspaceWith(role: Role, user: TestUser): Promise<{ fixture: Fixture; name: string; otherMemberId: string }> {
  const name = `Matrix ${crypto.randomUUID().slice(0, 8)}`;
  const workspace = await owner.trpc.workspace.create.mutate({ name });
  const db = server.database.db;
  await db.insert(schema.subscription).values({ workspaceId: workspace.id, plan: "business", status: "active" });
  const fixture = await buildFixture(server, owner);
  const other = await server.signUp();
  const otherMemberId = crypto.randomUUID();
  await db.insert(schema.member).values({ id: otherMemberId, organizationId: workspace.id, userId: other.userId, role: "agent", createdAt: new Date() });
  if (role !== "owner") {
    await db.insert(schema.member).values({ id: crypto.randomUUID(), organizationId: workspace.id, userId: user.userId, role, createdAt: new Date() });
  }
  await user.trpc.workspace.setActive.mutate({ workspaceId: workspace.id });
  return { fixture, name, otherMemberId };
}

describe("role matrix", () => {
  it("lists every mutation of the router", () => {
    const mutations = routerProcedures().filter((procedure) => procedure.type === "mutation").map((procedure) => procedure.path);
    expect(mutations.sort()).toEqual(Object.keys(matrix).sort());
  });

  const pairs = Object.keys(matrix).flatMap((path) => everyone.map((role) => [path, role] as const));

  it.each(pairs)("%s by %s answers as the matrix says", async (path, role) => {
    const user = users[role];
    const { fixture, name, otherMemberId } = await workspaceWith(role, user);
    const testCase = procedureCases[path];
    if (!testCase) throw new Error(`no case for ${path}`);
    // Mutations without input (billing.cancel, billing.resume, billing.portalUrl) are sent none.
    const input = testCase.input && {
      ...testCase.input(fixture),
      ...(path === "workspace.delete" ? { confirmName: name } : {}),
      ...(path.startsWith("member.") && path !== "member.invite" && path !== "member.accept" ? { id: otherMemberId } : {}),
    };
    const response = await callRaw(server.baseUrl, path, "mutation", input, { authorization: `Bearer ${user.token}` });
    const body = (await response.json()) as { error?: { data?: { code?: string; cause?: { code?: string; role?: string } } } };
    const allowed = matrix[path]?.includes(role);
    if (allowed) {
      const expected = notRoleRefusal[path];
      if (expected) expect(body.error?.data?.code, JSON.stringify(body)).toBe(expected);
      else expect(response.status, JSON.stringify(body)).toBe(200);
    } else {
      expect(response.status).toBe(403);
      expect(body.error?.data?.cause).toEqual({ code: "ROLE", role });
    }
  });
});
