// The setting of the read benchmarks: a scratch Postgres database with our migrations, the API app
// on loopback, and two signed-up members whose workspaces hold generated inboxes — the measured
// one large, the other smaller, so the workspace filters have rows to skip.
import { queryRows } from "@nexis/db";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { sql } from "drizzle-orm";
import { startApi, type ApiServer, type Member } from "./api-member.ts";
import { generateInboxes, type GeneratedInbox } from "./inbox-data.ts";

export interface LargeInbox {
  database: TestDatabase;
  api: ApiServer;
  member: Member;
  inbox: GeneratedInbox;
  other: GeneratedInbox;
  generationSeconds: number;
  dispose(): Promise<void>;
}

/** The Postgres server to make the scratch database on: DATABASE_URL's, or the local one. */
export const postgresServerUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export async function setUpLargeInbox(sizes: { chats: number; messages: number; otherChats: number; otherMessages: number }): Promise<LargeInbox> {
  const database = await createTestDatabase(postgresServerUrl);
  const url = database.url;
  if (!url) throw new Error("the read benchmarks need Postgres");
  const api = await startApi(database);
  const member = await api.signUp("Owner");
  const neighbour = await api.signUp("Neighbour");
  const [accountId, otherAccountId] = await Promise.all([member, neighbour].map((m) => addAccount(database, m.workspaceId)));

  const started = performance.now();
  const [inbox, other] = await generateInboxes(url, [
    { workspaceId: member.workspaceId, accountId: accountId ?? "", chats: sizes.chats, messages: sizes.messages },
    { workspaceId: neighbour.workspaceId, accountId: otherAccountId ?? "", chats: sizes.otherChats, messages: sizes.otherMessages },
  ]);
  const generationSeconds = (performance.now() - started) / 1000;
  if (!inbox || !other) throw new Error("no inbox generated");

  return {
    database,
    api,
    member,
    inbox,
    other,
    generationSeconds,
    async dispose() {
      await api.close();
      await database.dispose();
    },
  };
}

/** A linked, connected number (no WhatsApp service runs here; reads never call it). */
async function addAccount(database: TestDatabase, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into whatsapp_account (id, workspace_id, name, status, phone_number, wa_id)
        values (gen_random_uuid()::text, ${workspaceId}, 'Main', 'WORKING', '+5511988887777', '5511988887777@c.us') returning id`,
  );
  if (!row) throw new Error("no account inserted");
  return row.id;
}
