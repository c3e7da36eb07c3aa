import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { queryRows } from "@nexis/db";
import { createTestDatabase, type TestDatabase } from "@nexis/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMediaService, createMediaStorage, defaultMediaLimits, type MediaService } from "../src/services/media/index.ts";
import { createMediaSweeper } from "../src/services/media/media-sweeper.ts";

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const quiet = { info: () => {}, warn: () => {} };

let database: TestDatabase;
let dir: string;
let media: MediaService;

async function workspace(name: string) {
  const id = crypto.randomUUID();
  await database.db.execute(sql`insert into organization (id, name, slug, created_at) values (${id}, ${name}, ${id}, now())`);
  return id;
}

/** An upload `ageHours` old, optionally shown by a message of the workspace. */
async function upload(workspaceId: string, ageHours: number, sent = false) {
  const row = await media.save({ workspaceId, bytes: pdf, mimetype: "application/pdf", filename: "offer.pdf", source: "upload" });
  await database.db.execute(sql`update media set created_at = now() - make_interval(hours => ${ageHours}) where id = ${row.id}`);
  if (sent) {
    const accountId = crypto.randomUUID();
    const chatId = crypto.randomUUID();
    await database.db.execute(sql`insert into whatsapp_account (id, workspace_id, name) values (${accountId}, ${workspaceId}, ${accountId})`);
    await database.db.execute(sql`insert into chat (id, workspace_id, account_id, wa_chat_id) values (${chatId}, ${workspaceId}, ${accountId}, '5511900000000@c.us')`);
    await database.db.execute(
      sql`insert into message (id, workspace_id, account_id, chat_id, wa_message_id, from_me, type, timestamp, media_id)
          values (${crypto.randomUUID()}, ${workspaceId}, ${accountId}, ${chatId}, ${`true_${row.id}`}, true, 'document', 1, ${row.id})`,
    );
  }
  return row;
}

const storedFiles = async (workspaceId: string) => readdir(path.join(dir, workspaceId)).catch(() => []);
const mediaIds = async (workspaceId: string) =>
  (await queryRows<{ id: string }>(database.db, sql`select id from media where workspace_id = ${workspaceId} order by id`)).map((row) => row.id);

beforeAll(async () => {
  database = await createTestDatabase(process.env.DATABASE_URL);
  dir = await mkdtemp(path.join(tmpdir(), "nexis-sweeper-"));
  media = createMediaService({ db: database.db, storage: createMediaStorage({ dir }), limits: defaultMediaLimits });
}, 60_000);

afterAll(async () => {
  await database?.dispose();
  await rm(dir, { recursive: true, force: true });
});

describe("the media sweeper", () => {
  it("removes uploads left unsent for a day, row and file; keeps sent ones and fresh ones", async () => {
    const workspaceId = await workspace("Sweep");
    const abandoned = await upload(workspaceId, 30);
    const sent = await upload(workspaceId, 30, true);
    const fresh = await upload(workspaceId, 1);
    const sweeper = createMediaSweeper({ db: database.db, storage: media.storage, logger: quiet });

    expect(await sweeper.sweep()).toEqual({ unsentUploads: 1, files: 1 });
    expect(await mediaIds(workspaceId)).toEqual([sent.id, fresh.id].sort());
    expect((await storedFiles(workspaceId)).sort()).toEqual([sent.id, fresh.id].sort());
    expect(await storedFiles(workspaceId)).not.toContain(abandoned.id);
    // A second pass finds nothing more.
    expect(await sweeper.sweep()).toEqual({ unsentUploads: 0, files: 0 });
  });

  it("deletes a deleted workspace's stored files, and retries those the store could not delete", async () => {
    const workspaceId = await workspace("Gone");
    await upload(workspaceId, 1, true);
    await upload(workspaceId, 1);
    expect(await storedFiles(workspaceId)).toHaveLength(2);
    await database.db.execute(sql`delete from organization where id = ${workspaceId}`);

    // The store fails once: the files stay in the trash and go on the next pass.
    let failing = true;
    const flaky = { ...media.storage, delete: (key: string) => (failing ? Promise.reject(new Error("store down")) : media.storage.delete(key)) };
    const warnings: string[] = [];
    const sweeper = createMediaSweeper({ db: database.db, storage: flaky, logger: { info: () => {}, warn: (line) => warnings.push(line) } });
    expect(await sweeper.sweep()).toEqual({ unsentUploads: 0, files: 0 });
    expect(warnings[0]).toMatch(/could not delete stored file .* retried on the next pass/);
    expect(await storedFiles(workspaceId)).toHaveLength(2);

    failing = false;
    expect(await sweeper.sweep()).toEqual({ unsentUploads: 0, files: 2 });
    expect(await storedFiles(workspaceId)).toEqual([]);
  });
});
