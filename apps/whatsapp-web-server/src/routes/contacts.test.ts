import { describe, expect, test } from "bun:test";
import { api, createTestApp, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;
type App = ReturnType<typeof createTestApp>;

async function linked(name: string): Promise<App> {
  const app = createTestApp();
  await api(app, "POST", "/api/sessions", { name });
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === "SCAN_QR_CODE");
  await api(app, "POST", `/api/sandbox/${name}/scan`);
  return app;
}

const json = async (app: App, path: string) => (await api(app, "GET", path)).json() as Promise<unknown>;

describe("sandbox contacts", () => {
  test("an address book of fictional people, with lookups, pictures and about texts", async () => {
    const app = await linked("book");
    const contacts = (await json(app, "/api/contacts/all?session=book&sortBy=name")) as Json[];
    expect(contacts).toHaveLength(8);
    const names = contacts.map((contact) => contact.name as string);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(contacts[0]).toMatchObject({ isMyContact: true, isGroup: false, isWAContact: true });
    expect((await json(app, "/api/contacts/all?session=book&limit=2&offset=1")) as Json[]).toHaveLength(2);

    const first = contacts[0] as { id: string; number: string; name: string };
    expect(await json(app, `/api/contacts?session=book&contactId=${first.number}`)).toMatchObject({ id: first.id, name: first.name });
    expect(await json(app, "/api/contacts?session=book&contactId=5511900000000@c.us")).toMatchObject({ name: null, isMyContact: false });

    expect(await json(app, `/api/contacts/check-exists?session=book&phone=%2B${first.number}`)).toEqual({ numberExists: true, chatId: first.id });
    expect(await json(app, "/api/contacts/check-exists?session=book&phone=15550000000")).toEqual({ numberExists: false });
    expect(await json(app, "/api/contacts/check-exists?session=book&phone=5511999999999")).toEqual({ numberExists: true, chatId: "5511999999999@c.us" });

    const picture = (await json(app, `/api/contacts/profile-picture?session=book&contactId=${first.id}`)) as { profilePictureURL: string };
    expect(picture.profilePictureURL).toStartWith("data:image/svg+xml;base64,");
    expect(await json(app, "/api/contacts/profile-picture?session=book&contactId=5511900000000")).toEqual({ profilePictureURL: null });
    expect(((await json(app, `/api/contacts/about?session=book&contactId=${first.id}`)) as Json).about).toBeString();

    // The same session name links to the same phone, hence the same people.
    const again = await linked("book");
    expect(await json(again, "/api/contacts/all?session=book&sortBy=name")).toEqual(contacts);
  });

  test("needs a linked session and a well-formed contact id", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "early" });
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/early")).json()) as Json).status === "SCAN_QR_CODE");
    expect((await api(app, "GET", "/api/contacts/all?session=early")).status).toBe(422);
    expect((await api(app, "GET", "/api/contacts/all?session=ghost")).status).toBe(404);
    expect((await api(app, "GET", "/api/contacts?session=early&contactId=../x")).status).toBe(400);
    expect((await api(app, "GET", "/api/contacts/all")).status).toBe(400);
  });
});

describe("sandbox groups and chat history", () => {
  test("two groups with their participants, and chats synced with names and pictures", async () => {
    const app = await linked("grp");
    const me = ((await json(app, "/api/sessions/grp/me")) as { id: string }).id;
    const groups = (await json(app, "/api/grp/groups")) as Record<string, Json & { participants: Array<{ id: string; admin: string | null }> }>;
    const ids = Object.keys(groups);
    expect(ids).toHaveLength(2);
    const group = groups[ids[0] ?? ""];
    expect(group?.participants.map((participant) => participant.id)).toContain(me);
    expect(group?.participants.filter((participant) => participant.admin === "superadmin")).toEqual([{ id: group?.owner as string, admin: "superadmin" }]);
    expect(group?.size).toBe(group?.participants.length);
    const slim = (await json(app, "/api/grp/groups?exclude=participants")) as Record<string, Json>;
    expect(slim[ids[0] ?? ""]?.participants).toBeUndefined();
    expect(await json(app, `/api/grp/groups/${ids[0]}`)).toEqual(group as Json);
    expect((await api(app, "GET", "/api/grp/groups/1@g.us")).status).toBe(400);
    expect((await api(app, "GET", "/api/grp/groups/12345@g.us")).status).toBe(404);
    // Static WAHA routes under /groups are not taken for a group id.
    expect(await json(app, "/api/grp/groups/count")).toEqual({ count: 2 });
    expect((await api(app, "GET", "/api/grp/groups/join-info")).status).toBe(501);

    const chats = (await json(app, "/api/grp/chats")) as Json[];
    expect(chats).toHaveLength(4);
    expect(chats.filter((chat) => chat.isGroup).map((chat) => chat.id)).toEqual(expect.arrayContaining(ids));
    expect(chats.every((chat) => typeof chat.name === "string" && chat.unreadCount === 0)).toBe(true);
    const overview = (await json(app, "/api/grp/chats/overview")) as Array<Json & { lastMessage: Json }>;
    expect(overview.every((chat) => String(chat.picture).startsWith("data:image/svg+xml"))).toBe(true);
    const groupChat = overview.find((chat) => chat.id === ids[0]);
    const history = (await json(app, `/api/grp/chats/${ids[0]}/messages?sortOrder=asc`)) as Json[];
    expect(history.at(-1)).toEqual(groupChat?.lastMessage as Json);
    expect(history.filter((message) => !message.fromMe).every((message) => typeof message.participant === "string")).toBe(true);
  });
});
