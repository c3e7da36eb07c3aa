import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@nexis/db";
import { appRouter } from "../../src/trpc/routers/_app.ts";
import { seedChats } from "./chats.ts";
import type { TestServer, TestUser } from "./server.ts";

/** Ids of one workspace's rows, the material the suites call procedures with. */
export interface Fixture {
  workspaceId: string;
  accountId: string;
  tagId: string;
  folderId: string;
  templateId: string;
  /** The workspace owner's membership. */
  memberId: string;
  /** A pending invitation of the workspace (to someone not signed up). */
  invitationId: string;
  chatId: string;
  /** A message of `chatId`. */
  messageId: string;
  /** A private note on `chatId`, by the owner. */
  noteId: string;
}

export type FieldKind = "id" | "ids" | "name" | "color" | "phone" | "shortcut" | "body" | "email" | "role" | "limit" | "bool" | "cursor" | "vars" | "confirm" | "clientId" | "assignee" | "query" | "emoji";

export interface ProcedureCase {
  /** A valid input built from a fixture; absent for procedures without input. */
  input?: (fixture: Fixture) => Record<string, unknown>;
  /** What each input field holds, for generating malformed values. */
  fields?: Record<string, FieldKind>;
  optional?: string[];
  nullable?: string[];
}

/**
 * Every procedure of the root router, with how to call it. The suites enumerate the router and
 * fail on a procedure missing here, so a new procedure cannot skip isolation or input checks.
 */
export const procedureCases: Record<string, ProcedureCase> = {
  health: {},
  getAccounts: {},
  "account.list": {},
  "account.get": { input: (f) => ({ id: f.accountId }), fields: { id: "id" } },
  "account.addAccount": { input: () => ({ name: "New number", phoneNumber: "+1 555 0100" }), fields: { name: "name", phoneNumber: "phone" }, optional: ["phoneNumber"] },
  "account.rename": { input: (f) => ({ id: f.accountId, name: "Renamed" }), fields: { id: "id", name: "name" } },
  // 1–60 a minute: "limit"'s bad values (0, 101, 1.5, "10", -5) are all out of range here too.
  "account.setSendRate": { input: (f) => ({ id: f.accountId, messagesPerMinute: 20 }), fields: { id: "id", messagesPerMinute: "limit" }, nullable: ["messagesPerMinute"] },
  "account.remove": { input: (f) => ({ id: f.accountId }), fields: { id: "id" } },
  "account.qr": { input: (f) => ({ id: f.accountId }), fields: { id: "id" } },
  "account.requestCode": { input: (f) => ({ id: f.accountId, phoneNumber: "+1 555 0100" }), fields: { id: "id", phoneNumber: "phone" } },
  "account.restart": { input: (f) => ({ id: f.accountId }), fields: { id: "id" } },
  "account.logout": { input: (f) => ({ id: f.accountId }), fields: { id: "id" } },
  "workspace.get": {},
  "workspace.listMine": {},
  "workspace.rename": { input: () => ({ name: "Renamed" }), fields: { name: "name" } },
  "workspace.setActive": { input: (f) => ({ workspaceId: f.workspaceId }), fields: { workspaceId: "id" } },
  "workspace.create": { input: () => ({ name: "Second workspace" }), fields: { name: "name" } },
  "workspace.delete": { input: () => ({ confirmName: "Not the name" }), fields: { confirmName: "confirm" } },
  "workspace.sso": {},
  // The organization id differs per workspace (one organization links one workspace); the
  // "clientId" kind's bad values (short, spaces, 65 characters, SQL) are all malformed ids.
  "workspace.setSso": {
    input: (f) => ({ organizationId: `org_${f.workspaceId.replaceAll("-", "")}`, requireSso: false }),
    fields: { organizationId: "clientId", requireSso: "bool" },
    nullable: ["organizationId"],
  },
  "tag.list": {},
  "tag.create": { input: () => ({ name: "New tag", color: "#123456" }), fields: { name: "name", color: "color" }, optional: ["color"] },
  "tag.rename": { input: (f) => ({ id: f.tagId, name: "Renamed" }), fields: { id: "id", name: "name" } },
  "tag.setColor": { input: (f) => ({ id: f.tagId, color: "#654321" }), fields: { id: "id", color: "color" } },
  "tag.delete": { input: (f) => ({ id: f.tagId }), fields: { id: "id" } },
  "tag.attach": { input: (f) => ({ id: f.tagId, chatIds: [f.chatId] }), fields: { id: "id", chatIds: "ids" } },
  "tag.detach": { input: (f) => ({ id: f.tagId, chatIds: [f.chatId] }), fields: { id: "id", chatIds: "ids" } },
  "folder.list": {},
  "folder.create": { input: () => ({ name: "New folder" }), fields: { name: "name" } },
  "folder.rename": { input: (f) => ({ id: f.folderId, name: "Renamed" }), fields: { id: "id", name: "name" } },
  "folder.reorder": { input: (f) => ({ ids: [f.folderId] }), fields: { ids: "ids" } },
  "folder.delete": { input: (f) => ({ id: f.folderId }), fields: { id: "id" } },
  "folder.addChats": { input: (f) => ({ id: f.folderId, chatIds: [f.chatId] }), fields: { id: "id", chatIds: "ids" } },
  "folder.removeChats": { input: (f) => ({ id: f.folderId, chatIds: [f.chatId] }), fields: { id: "id", chatIds: "ids" } },
  "template.list": {},
  "template.create": {
    input: () => ({ name: "New template", body: "Hi {{contact.name}}", shortcut: "new" }),
    fields: { name: "name", body: "body", shortcut: "shortcut" },
    optional: ["shortcut"],
  },
  "template.update": {
    input: (f) => ({ id: f.templateId, name: "Renamed", body: "Changed", shortcut: "changed" }),
    fields: { id: "id", name: "name", body: "body", shortcut: "shortcut" },
    optional: ["name", "body", "shortcut"],
    nullable: ["shortcut"],
  },
  "template.delete": { input: (f) => ({ id: f.templateId }), fields: { id: "id" } },
  "template.render": {
    input: (f) => ({ id: f.templateId, chatId: f.chatId, variables: { order: "42" } }),
    fields: { id: "id", chatId: "id", variables: "vars" },
    optional: ["chatId", "variables"],
  },
  "chat.list": {
    input: (f) => ({ accountId: f.accountId, folderId: null, tagId: f.tagId, unread: false, archived: false, limit: 10 }),
    fields: { accountId: "id", folderId: "id", tagId: "id", unread: "bool", archived: "bool", assignee: "assignee", pinned: "bool", limit: "limit", cursor: "cursor" },
    optional: ["accountId", "folderId", "tagId", "unread", "archived", "assignee", "pinned", "limit", "cursor"],
    nullable: ["folderId"],
  },
  "chat.get": { input: (f) => ({ id: f.chatId }), fields: { id: "id" } },
  "message.list": {
    input: (f) => ({ chatId: f.chatId, limit: 10 }),
    fields: { chatId: "id", limit: "limit", cursor: "cursor" },
    optional: ["limit", "cursor"],
  },
  "message.get": { input: (f) => ({ id: f.messageId }), fields: { id: "id" } },
  "message.send": {
    input: (f) => ({ chatId: f.chatId, text: "Hello", replyToId: f.messageId, clientId: "client-send-0001" }),
    // `kind` picks the send (text when left out); the "role" kind's bad values are all unknown kinds.
    fields: { chatId: "id", text: "body", replyToId: "id", clientId: "clientId", kind: "role" },
    optional: ["replyToId", "clientId", "kind"],
  },
  "message.forward": {
    input: (f) => ({ id: f.messageId, chatId: f.chatId, clientId: "client-forward-0001" }),
    fields: { id: "id", chatId: "id", clientId: "clientId" },
    optional: ["clientId"],
  },
  "message.retry": { input: (f) => ({ id: f.messageId }), fields: { id: "id" } },
  "message.react": { input: (f) => ({ id: f.messageId, emoji: "👍" }), fields: { id: "id", emoji: "emoji" } },
  "message.edit": { input: (f) => ({ id: f.messageId, text: "Edited" }), fields: { id: "id", text: "body" } },
  "message.revoke": { input: (f) => ({ id: f.messageId }), fields: { id: "id" } },
  "chat.markRead": { input: (f) => ({ id: f.chatId }), fields: { id: "id" } },
  "chat.typing": { input: (f) => ({ id: f.chatId, typing: true }), fields: { id: "id", typing: "bool" } },
  "chat.markUnread": { input: (f) => ({ id: f.chatId }), fields: { id: "id" } },
  "chat.assign": { input: (f) => ({ id: f.chatId, userId: null }), fields: { id: "id", userId: "id" }, nullable: ["userId"] },
  "chat.setArchived": { input: (f) => ({ id: f.chatId, archived: true }), fields: { id: "id", archived: "bool" } },
  "chat.setPinned": { input: (f) => ({ id: f.chatId, pinned: true }), fields: { id: "id", pinned: "bool" } },
  "chat.setMuted": { input: (f) => ({ id: f.chatId, muted: true }), fields: { id: "id", muted: "bool" } },
  "note.list": { input: (f) => ({ chatId: f.chatId }), fields: { chatId: "id" } },
  "note.create": { input: (f) => ({ chatId: f.chatId, body: "A note" }), fields: { chatId: "id", body: "body" } },
  "note.update": { input: (f) => ({ id: f.noteId, body: "An edited note" }), fields: { id: "id", body: "body" } },
  "note.delete": { input: (f) => ({ id: f.noteId }), fields: { id: "id" } },
  "search.inbox": { input: () => ({ query: "message", limit: 5 }), fields: { query: "query", limit: "limit" }, optional: ["limit"] },
  // A subscription (SSE): the isolation of its events is tested in live-events.test.ts.
  "events.live": {},
  "member.list": {},
  "member.invite": { input: () => ({ email: "new.member@example.com", role: "agent" }), fields: { email: "email", role: "role" } },
  "member.accept": { input: (f) => ({ invitationId: f.invitationId }), fields: { invitationId: "id" } },
  "member.changeRole": { input: (f) => ({ id: f.memberId, role: "admin" }), fields: { id: "id", role: "role" } },
  "member.remove": { input: (f) => ({ id: f.memberId }), fields: { id: "id" } },
  "subscription.current": {},
  "billing.overview": {},
  // Plan and interval are enums: the "role" kind's bad values (empty, unknown, wrong case, SQL) fit them too.
  "billing.checkout": { input: () => ({ plan: "pro", interval: "month" }), fields: { plan: "role", interval: "role" } },
  "billing.changePlan": { input: () => ({ plan: "pro", interval: "year" }), fields: { plan: "role", interval: "role" } },
  "billing.cancel": {},
  "billing.resume": {},
  "billing.portalUrl": {},
  "billing.verifyReturn": { input: () => ({ query: "checkout_id=ch_1&signature=00" }), fields: { query: "body" } },
};

/** Every procedure path of the root router with its type. */
export function routerProcedures(): { path: string; type: "query" | "mutation" | "subscription" }[] {
  // At runtime `_def.procedures` is flat, keyed by dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation" | "subscription" } }>;
  return Object.entries(procedures).map(([path, procedure]) => ({ path, type: procedure._def.type }));
}

/** Calls a procedure over raw HTTP (so any input, however malformed, reaches the server). */
export function callRaw(baseUrl: string, path: string, type: string, input: unknown, headers: Record<string, string>) {
  if (type === "query") {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return fetch(`${baseUrl}/trpc/${path}${query}`, { headers });
  }
  return fetch(`${baseUrl}/trpc/${path}`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
}

/** Fills a user's active workspace with one row of each kind (and a few chats), the material of the suites. */
export async function buildFixture(server: TestServer, user: TestUser): Promise<Fixture> {
  const workspace = await user.trpc.workspace.get.query();
  const account = await user.trpc.account.addAccount.mutate({ name: "Main" });
  const chats = await seedChats(server.database.db, { workspaceId: workspace.id, accountId: account.id, count: 2, messagesInFirst: 2 });
  return {
    workspaceId: workspace.id,
    accountId: account.id,
    tagId: (await user.trpc.tag.create.mutate({ name: "VIP" })).id,
    folderId: (await user.trpc.folder.create.mutate({ name: "Open" })).id,
    templateId: (await user.trpc.template.create.mutate({ name: "Hello", body: "Hi" })).id,
    chatId: chats.chatIds[0] ?? "",
    messageId: chats.messageIds[0] ?? "",
    noteId: (await user.trpc.note.create.mutate({ chatId: chats.chatIds[0] ?? "", body: "Called them back." })).id,
    ...(await memberFixture(user)),
  };
}

/** Builds the member part of a fixture: the owner's membership and a pending invitation. */
export async function memberFixture(owner: TestUser): Promise<Pick<Fixture, "memberId" | "invitationId">> {
  const [membership] = (await owner.trpc.member.list.query()).members;
  if (!membership) throw new Error("the owner has no membership");
  const invitation = await owner.trpc.member.invite.mutate({ email: `invitee-${crypto.randomUUID()}@example.com`, role: "agent" });
  return { memberId: membership.id, invitationId: invitation.id };
}

/** A workspace's rows in every table the routers write, to assert that a refused call changed nothing. */
export async function snapshotWorkspace(db: Database, workspaceId: string): Promise<string> {
  const tables = ["tag", "folder", "template", "audit_log", "contact", "chat", "message", "chat_note"];
  // An account's status columns follow its WhatsApp session (webhooks), not the caller.
  const parts: unknown[] = [
    await queryRows(db, sql`select id, name, phone_number, engine, webhook_secret from whatsapp_account where workspace_id = ${workspaceId} order by id`),
  ];
  for (const table of tables) {
    parts.push(await queryRows(db, sql`select * from ${sql.identifier(table)} where workspace_id = ${workspaceId} order by id`));
  }
  parts.push(await queryRows(db, sql`select chat_id, tag_id from chat_tag where workspace_id = ${workspaceId} order by chat_id, tag_id`));
  parts.push(await queryRows(db, sql`select id, name, slug from organization where id = ${workspaceId}`));
  parts.push(await queryRows(db, sql`select user_id, role from member where organization_id = ${workspaceId} order by user_id`));
  parts.push(await queryRows(db, sql`select id, email, role, status from invitation where organization_id = ${workspaceId} order by id`));
  return JSON.stringify(parts);
}
