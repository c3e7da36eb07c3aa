import { queryRows } from "@nexis/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWebhookAccount, messagePayload, type WebhookAccount } from "./support/ingest-webhooks.ts";
import { eventually } from "./support/sandbox-number.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let account: WebhookAccount;

const chatsOf = async (...waChatIds: string[]) => {
  const { items } = await owner.trpc.chat.list.query({ accountId: account.accountId });
  return items.filter((chat) => waChatIds.includes(chat.waChatId));
};

const contactsOf = (...waIds: string[]) =>
  queryRows<{ wa_id: string; lid: string | null; phone_number: string | null }>(
    server.database.db,
    sql`select wa_id, lid, phone_number from contact where account_id = ${account.accountId} and (wa_id in ${waIds} or lid in ${waIds})`,
  );

/** A sandbox person's two ids, as the WhatsApp service's `/lids` routes tell them. */
async function sandboxPerson(): Promise<{ lid: string; pn: string }> {
  const response = await server.whatsapp.request("GET", `/api/${account.accountId}/lids?limit=1`);
  const [person] = (await response.json()) as Array<{ lid: string; pn: string }>;
  if (!person) throw new Error("the sandbox knows no hidden ids");
  return person;
}

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Lid owner");
  account = await addWebhookAccount(server, owner, "Lids");
  // Linked through the sandbox phone, so the service can answer for the account's session.
  await eventually(async () => {
    if (!(await owner.trpc.account.qr.query({ id: account.accountId })).value) throw new Error("no QR yet");
  });
  await server.whatsapp.request("POST", `/api/sandbox/${account.accountId}/scan`);
  await eventually(async () => {
    if ((await owner.trpc.account.get.query({ id: account.accountId })).status !== "WORKING") throw new Error("not linked yet");
  });
}, 90_000);

afterAll(async () => {
  await server?.close();
});

describe("a hidden id (@lid) no message maps is looked up in the WhatsApp service", () => {
  it("a message under a sandbox person's @lid alone ends in their phone chat, one contact holding both ids", async () => {
    const { lid, pn } = await sandboxPerson();
    const response = await account.post({ id: "evt_lid_lookup_1", event: "message", payload: messagePayload({ id: `false_${lid}_LIDKEY1`, from: lid, body: "hidden only" }) });
    expect(response.status).toBe(200);

    const chat = await eventually(async () => {
      const chats = await chatsOf(pn, lid);
      expect(chats.map((candidate) => candidate.waChatId)).toEqual([pn]);
      return chats[0];
    });
    expect(chat).toMatchObject({ contact: { phoneNumber: `+${pn.split("@")[0]}` } });
    const { items } = await owner.trpc.message.list.query({ chatId: chat?.id ?? "" });
    expect(items.map((message) => message.body)).toContain("hidden only");
    expect(await contactsOf(pn, lid)).toEqual([{ wa_id: pn, lid, phone_number: `+${pn.split("@")[0]}` }]);
    const [renamed] = await queryRows<{ wa_message_id: string }>(server.database.db, sql`select wa_message_id from message where account_id = ${account.accountId} and body = 'hidden only'`);
    expect(renamed?.wa_message_id).toBe(`false_${pn}_LIDKEY1`);

    // Later messages under the hidden id alone land in the phone chat straight away.
    await account.post({ id: "evt_lid_lookup_2", event: "message", payload: messagePayload({ id: `false_${lid}_LIDKEY2`, from: lid, body: "hidden again" }) });
    expect((await chatsOf(pn, lid)).map((candidate) => candidate.waChatId)).toEqual([pn]);
  });

  it("a hidden id the service does not know keeps its own chat; ingest is not affected", async () => {
    const stranger = "999999999999999@lid";
    const response = await account.post({ id: "evt_lid_lookup_3", event: "message", payload: messagePayload({ id: `false_${stranger}_LIDKEY3`, from: stranger, body: "who am I" }) });
    expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await chatsOf(stranger)).map((chat) => chat.waChatId)).toEqual([stranger]);
    expect(await contactsOf(stranger)).toEqual([{ wa_id: stranger, lid: null, phone_number: null }]);
  });
});
