import { describe, expect, test } from "bun:test";
import { api, createTestApp, startWebhookReceiver, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;

async function linkedWithWebhooks(name: string) {
  const receiver = startWebhookReceiver();
  const app = createTestApp();
  await api(app, "POST", "/api/sessions", { name, config: { webhooks: [{ url: receiver.url, events: ["group.v2.join", "group.v2.leave", "group.v2.participants", "group.v2.update"] }] } });
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === "SCAN_QR_CODE");
  await api(app, "POST", `/api/sandbox/${name}/scan`);
  const contacts = (await (await api(app, "GET", `/api/contacts/all?session=${name}`)).json()) as Array<{ id: string }>;
  return { app, receiver, ids: contacts.map((contact) => contact.id) };
}

describe("sandbox group changes", () => {
  test("create, rename, members and admins, invites and leave, each with its group.v2 event", async () => {
    const { app, receiver, ids } = await linkedWithWebhooks("grp");
    const [a = "", b = "", c = ""] = ids;
    const created = await api(app, "POST", "/api/grp/groups", { name: "Launch", participants: [{ id: a }, { id: b }] });
    expect(created.status).toBe(201);
    const group = (await created.json()) as Json & { id: string; participants: Json[] };
    expect(group).toMatchObject({ subject: "Launch", size: 3 });
    expect(group.participants).toContainEqual({ id: a, admin: null });
    const path = `/api/grp/groups/${group.id}`;

    await api(app, "PUT", `${path}/subject`, { subject: "Launch day" });
    await api(app, "POST", `${path}/participants/add`, { participants: [{ id: c }] });
    await api(app, "POST", `${path}/admin/promote`, { participants: [{ id: c }] });
    await api(app, "POST", `${path}/participants/remove`, { participants: [{ id: a }] });
    const v2 = (await (await api(app, "GET", `${path}/participants/v2`)).json()) as Json[];
    expect(v2).toContainEqual({ id: c, pn: c, role: "admin" });
    expect(v2.some((member) => member.id === a)).toBe(false);
    expect(await (await api(app, "GET", "/api/grp/groups/count")).json()).toEqual({ count: 3 });

    const link = (await (await api(app, "GET", `${path}/invite-code`)).json()) as string;
    const revoked = (await (await api(app, "POST", `${path}/invite-code/revoke`)).json()) as string;
    expect(link).toStartWith("https://chat.whatsapp.com/");
    expect(revoked).not.toBe(link);

    await api(app, "PUT", `${path}/settings/security/messages-admin-only`, { adminsOnly: true });
    expect(await (await api(app, "GET", `${path}/settings/security/messages-admin-only`)).json()).toEqual({ adminsOnly: true });
    expect(await (await api(app, "GET", `${path}/settings/security/info-admin-only`)).json()).toEqual({ adminsOnly: false });
    expect(await (await api(app, "GET", path)).json()).toMatchObject({ announce: true, restrict: false });
    await api(app, "POST", "/api/sendText", { session: "grp", chatId: group.id, text: "welcome" });
    const chats = (await (await api(app, "GET", `/api/grp/chats/overview?ids=${group.id}`)).json()) as Json[];
    expect(chats[0]).toMatchObject({ id: group.id, name: "Launch day" });

    await api(app, "POST", `${path}/leave`);
    expect((await api(app, "GET", path)).status).toBe(404);

    await waitFor(() => receiver.events("group.v2.leave").length === 1, 2_000, "group events");
    expect(receiver.events().map((hook) => [hook.body.event, hook.body.payload.type ?? null])).toEqual([
      ["group.v2.join", null],
      ["group.v2.update", null],
      ["group.v2.participants", "join"],
      ["group.v2.participants", "promote"],
      ["group.v2.participants", "leave"],
      ["group.v2.update", null],
      ["group.v2.leave", null],
    ]);
    expect(receiver.events("group.v2.participants")[2]?.body.payload.participants).toEqual([{ id: a, role: "left" }]);
  });

  test("only admins change members; the synced groups are someone else's", async () => {
    const { app, ids } = await linkedWithWebhooks("member");
    const groups = (await (await api(app, "GET", "/api/member/groups")).json()) as Record<string, Json>;
    const theirs = Object.keys(groups)[0] ?? "";
    const added = await api(app, "POST", `/api/member/groups/${theirs}/participants/add`, { participants: [{ id: ids[7] }] });
    expect(added.status).toBe(422);
    const bad = await api(app, "POST", `/api/member/groups/${theirs}/participants/add`, { participants: [{ id: "someone" }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).message).toContain("participants.0.id");
  });
});

describe("sandbox contact changes", () => {
  test("block, unblock and naming a contact show in the address book", async () => {
    const { app } = await linkedWithWebhooks("book");
    const stranger = "5511977776666@c.us";
    await api(app, "POST", "/api/contacts/block", { session: "book", contactId: stranger });
    expect(await (await api(app, "GET", `/api/book/contacts/${stranger}`)).json()).toMatchObject({ isBlocked: true, isMyContact: false, name: null });
    expect((await api(app, "PUT", `/api/book/contacts/${stranger}`, { firstName: "Rita", lastName: "Moreno" })).status).toBe(200);
    await api(app, "POST", "/api/contacts/unblock", { session: "book", contactId: "5511977776666" });
    expect(await (await api(app, "GET", `/api/contacts?session=book&contactId=${stranger}`)).json()).toMatchObject({ isBlocked: false, isMyContact: true, name: "Rita Moreno" });
    const all = (await (await api(app, "GET", "/api/contacts/all?session=book")).json()) as Json[];
    expect(all.map((contact) => contact.id)).toContain(stranger);
  });
});
