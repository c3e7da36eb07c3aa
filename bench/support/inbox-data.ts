// Generates large inboxes straight in Postgres with set-based SQL (generate_series), so a million
// messages take about a minute, not an hour of inserts. Ids are derived from a key and an ordinal
// (md5 shaped as a version-4 UUID, which our input schemas accept), so chats, contacts and
// messages refer to each other without lookups.
import pg from "pg";
import { englishWords, firstNames, lastNames, portugueseWords, rareWord, spanishWords } from "./words.ts";

export interface InboxSpec {
  workspaceId: string;
  accountId: string;
  chats: number;
  messages: number;
}

export interface GeneratedInbox extends InboxSpec {
  /** The chat with the most messages (chat 0: message chats are picked on a power curve). */
  busyChatId: string;
  busyChatMessages: number;
  folderIds: string[];
  tagIds: string[];
}

/** SQL for the id of ordinal row `key || kind || n`: its md5 with the version-4 UUID bits set. */
const idOf = (seed: string) => `overlay(overlay(md5(${seed}) placing '4' from 13) placing '8' from 17)::uuid::text`;

/** Seconds of WhatsApp time the generated messages span, ending now. */
const spanSeconds = 365 * 86_400;

/** Fills each workspace's number with contacts, chats (some unread, archived, pinned, in folders, tagged) and messages. */
export async function generateInboxes(url: string, specs: InboxSpec[]): Promise<GeneratedInbox[]> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Secondary indexes are built once after the load, which is several times faster than
    // maintaining them row by row; they are recreated from their own definitions, unchanged.
    const { rows: indexes } = await admin.query<{ name: string; definition: string }>(
      `select indexname as name, indexdef as definition from pg_indexes
        where schemaname = 'public' and tablename = 'message'
          and indexname not in (select conname from pg_constraint where conrelid = 'message'::regclass)`,
    );
    for (const index of indexes) await admin.query(`drop index "${index.name}"`);

    const inboxes: GeneratedInbox[] = [];
    for (const spec of specs) inboxes.push(await generateInbox(admin, url, spec));

    await runConcurrently(url, indexes.map((index) => `set maintenance_work_mem = '512MB'; ${index.definition}`));
    await admin.query("vacuum analyze message, chat, contact, chat_tag");
    return inboxes;
  } finally {
    await admin.end();
  }
}

async function generateInbox(admin: pg.Client, url: string, spec: InboxSpec): Promise<GeneratedInbox> {
  const { workspaceId, accountId } = spec;
  const key = workspaceId;
  const folderIds = await insertNamed(admin, "folder", workspaceId, ["Sales", "Support", "Billing"]);
  const tagIds = await insertNamed(admin, "tag", workspaceId, ["VIP", "Lead", "Complaint"]);

  // A third of the contacts have only a push name, as people who never saved a name.
  await admin.query(
    `insert into contact (id, workspace_id, account_id, wa_id, name, push_name, phone_number)
     select ${idOf("$3 || 'p' || n")}, $1, $2, (5511900000000 + n)::text || '@c.us',
            case when n % 3 <> 2 then ($4::text[])[1 + n % 30] || ' ' || ($5::text[])[1 + (n / 30) % 30] end,
            ($4::text[])[1 + n % 30], '+' || (5511900000000 + n)::text
       from generate_series(0, $6::int - 1) n`,
    [workspaceId, accountId, key, firstNames, lastNames, spec.chats],
  );
  await admin.query(
    `insert into chat (id, workspace_id, account_id, wa_chat_id, contact_id, name, folder_id, unread_count, archived, pinned_at, muted, created_at)
     select ${idOf("$3 || 'c' || n")}, $1, $2, (5511900000000 + n)::text || '@c.us', ${idOf("$3 || 'p' || n")},
            null, case when n % 10 = 3 then ($4::text[])[1 + n % 3] end,
            case when n % 4 = 0 then 1 + n % 5 else 0 end, n % 20 = 7,
            case when n in (5, 50) then now() - n * interval '1 hour' end, n % 15 = 0, now() - interval '400 days'
       from generate_series(0, $5::int - 1) n`,
    [workspaceId, accountId, key, folderIds, spec.chats],
  );
  await admin.query(
    `insert into chat_tag (chat_id, tag_id, workspace_id)
     select ${idOf("$2 || 'c' || n")}, ($3::text[])[1 + n % 3], $1 from generate_series(0, $4::int - 1) n where n % 7 = 1`,
    [workspaceId, key, tagIds, spec.chats],
  );

  // Two connections load half the messages each (the machine has two cores).
  const half = Math.ceil(spec.messages / 2);
  const ranges = [
    [1, half],
    [half + 1, spec.messages],
  ] as const;
  const now = Math.floor(Date.now() / 1000);
  await Promise.all(ranges.map(([from, to]) => withClient(url, (client) => insertMessages(client, { ...spec, key, from, to, now }))));

  await admin.query(
    `update chat c set last_message_at = m.at
       from (select chat_id, to_timestamp(max(timestamp)) as at from message where workspace_id = $1 group by chat_id) m
      where c.id = m.chat_id`,
    [workspaceId],
  );
  const busyChatId = (await admin.query<{ id: string }>(`select ${idOf("$1 || 'c0'")} as id`, [key])).rows[0]?.id ?? "";
  const counted = await admin.query<{ n: string }>(`select count(*) as n from message where chat_id = $1`, [busyChatId]);
  return { ...spec, busyChatId, busyChatMessages: Number(counted.rows[0]?.n ?? 0), folderIds, tagIds };
}

/**
 * Messages `from`..`to`: chat picked on a power curve (chat 0 the busiest, every chat some),
 * language by ordinal, 3–16 words on a Zipf-like curve, a year of timestamps, a third ours
 * (read by the contact), one in 50 an image with a caption, one in 211 deleted, and the rare
 * word in one in 20,011.
 */
async function insertMessages(client: pg.Client, params: InboxSpec & { key: string; from: number; to: number; now: number }) {
  await client.query(
    `insert into message (id, workspace_id, account_id, chat_id, wa_message_id, from_me, type, body, ack, timestamp, deleted_at, created_at)
     select gen_random_uuid()::text, $1, $2, ${idOf("$3 || 'c' || p.chat")}, 'bench_' || $3 || '_' || g, g % 3 = 0,
            case when g % 50 = 0 then 'image' else 'chat' end, b.body, case when g % 3 = 0 then 3 else 0 end, p.ts,
            case when g % 211 = 0 then to_timestamp(p.ts) end, to_timestamp(p.ts)
       from generate_series($4::int, $5::int) g
       cross join lateral (select floor($6::int * power(random(), 2.5))::int as chat, $7::bigint - floor(random() * $8)::bigint as ts, g as ordinal) p
       cross join lateral (
         select string_agg(v.words[1 + floor(power(random(), 2) * cardinality(v.words))::int], ' ')
                || case when p.ordinal % 20011 = 0 then ' ' || $12 else '' end as body
           from (select case p.ordinal % 3 when 0 then $9::text[] when 1 then $10::text[] else $11::text[] end as words) v,
                generate_series(1, 3 + (p.ordinal::bigint * 7919 % 14)::int)
       ) b`,
    [
      params.workspaceId,
      params.accountId,
      params.key,
      params.from,
      params.to,
      params.chats,
      params.now,
      spanSeconds,
      englishWords,
      portugueseWords,
      spanishWords,
      rareWord,
    ],
  );
}

async function insertNamed(client: pg.Client, table: "folder" | "tag", workspaceId: string, names: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `insert into ${table} (id, workspace_id, name) select gen_random_uuid()::text, $1, name from unnest($2::text[]) name returning id`,
    [workspaceId, names],
  );
  return rows.map((row) => row.id);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Runs the statements on two connections, each taking the next one left. */
async function runConcurrently(url: string, statements: string[]) {
  const queue = [...statements];
  const worker = (client: pg.Client) => (async () => {
    for (let statement = queue.shift(); statement; statement = queue.shift()) await client.query(statement);
  })();
  await Promise.all([0, 1].map(() => withClient(url, worker)));
}
