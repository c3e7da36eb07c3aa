import { sql } from "drizzle-orm";
import { queryRows, type Database } from "../client.ts";

/** Marks around a hit in a snippet; control characters never appear in a stored body. */
const hitStart = "\u0001";
const hitEnd = "\u0002";

export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Splits ts_headline's marked text into plain parts, so the client renders hits without HTML. */
export function snippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  // eslint-disable-next-line no-control-regex -- the markers are control characters on purpose
  for (const [index, piece] of marked.split(/[\u0001\u0002]/).entries()) {
    if (piece) parts.push({ text: piece, hit: index % 2 === 1 });
  }
  return parts;
}

/** Bodies up to this long are shown whole in a result; longer ones as a fragment around the hit. */
const wholeUpTo = 240;

/**
 * Messages of the workspace whose text matches `query` (web-search syntax: words, "phrases",
 * -exclusions, or), stemmed in English, Portuguese and Spanish, newest first, each with a short
 * snippet whose matching words are marked.
 */
export async function searchMessages(db: Database, params: { workspaceId: string; query: string; limit: number }) {
  const q = params.query;
  const matches = sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('portuguese', ${q}) || websearch_to_tsquery('spanish', ${q}))`;
  const highlight = sql`(websearch_to_tsquery('simple', ${q}) || ${matches})`;
  const rows = await queryRows<{ id: string; chat_id: string; chat_name: string | null; from_me: boolean; timestamp: number; marked: string }>(
    db,
    sql`select m.id, m.chat_id, coalesce(ct.name, ct.push_name, c.name, c.wa_chat_id) as chat_name, m.from_me, m.timestamp,
          ts_headline('simple', coalesce(m.body, ''), ${highlight},
            case when length(coalesce(m.body, '')) <= ${wholeUpTo} then ${`HighlightAll=true, StartSel=${hitStart}, StopSel=${hitEnd}`}
                 else ${`StartSel=${hitStart}, StopSel=${hitEnd}, MaxWords=24, MinWords=10, MaxFragments=1`} end) as marked
        from message m
        join chat c on c.id = m.chat_id
        left join contact ct on ct.id = c.contact_id
        where m.workspace_id = ${params.workspaceId} and m.deleted_at is null and m.search_vector @@ ${matches}
        order by m.timestamp desc, m.id desc
        limit ${params.limit}`,
  );
  return rows.map((row) => ({
    messageId: row.id,
    chatId: row.chat_id,
    chatName: row.chat_name,
    fromMe: row.from_me,
    timestamp: Number(row.timestamp),
    snippet: snippetParts(row.marked),
  }));
}

/** Chats whose contact name, push name, phone number or chat name contains `query`. */
export async function searchChats(db: Database, params: { workspaceId: string; query: string; limit: number }) {
  const pattern = `%${params.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = await queryRows<{ id: string; name: string | null; wa_chat_id: string }>(
    db,
    sql`select c.id, coalesce(ct.name, ct.push_name, c.name) as name, c.wa_chat_id
        from chat c left join contact ct on ct.id = c.contact_id
        where c.workspace_id = ${params.workspaceId}
          and (ct.name ilike ${pattern} or ct.push_name ilike ${pattern} or ct.phone_number ilike ${pattern} or c.name ilike ${pattern} or c.wa_chat_id ilike ${pattern})
        order by c.last_message_at desc nulls last
        limit ${params.limit}`,
  );
  return rows.map((row) => ({ chatId: row.id, name: row.name, waChatId: row.wa_chat_id }));
}
