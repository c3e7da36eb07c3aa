import { sql, type SQL } from "drizzle-orm";
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

/** How many of the workspace's newest messages the first, common-word pass reads. */
const recentRows = 500;

/** Each pass after the first window covers this many times the span before. */
const widening = 16;

/** Passes bounded in time before the last one, which searches everything. */
const boundedPasses = 2;

interface MessageHit {
  id: string;
  chat_id: string;
  chat_name: string | null;
  from_me: boolean;
  timestamp: number;
  marked: string;
}

/**
 * Messages of the workspace whose text matches `query` (web-search syntax: words, "phrases",
 * -exclusions, or), stemmed in English, Portuguese and Spanish, newest first, each with a short
 * snippet whose matching words are marked.
 *
 * Newest-first over a GIN index has no single good plan: sorting every match is slow for a
 * common word (a fifth of a million rows), and walking the time index is slow for a rare one.
 * So it searches in passes that each give the exact newest page when they find a full one: the
 * newest few hundred messages (enough for common words), then time windows reaching back from the
 * newest message, sized from how often the first pass matched (the GIN and time indexes
 * combined, so only matches inside the window are read), then everything (by then the matches
 * are few). Words the first pass did not find at all go straight to everything; a phrase gets a
 * single window (see below). Snippets are made for the page only.
 */
export async function searchMessages(db: Database, params: { workspaceId: string; query: string; limit: number }) {
  const matches = distinctMatches(params.query);
  const page = (candidates: SQL) => searchPage(db, { ...params, matches, candidates });

  const [recent, bounds] = await Promise.all([
    page(sql`(select * from message where workspace_id = ${params.workspaceId} order by timestamp desc, id desc limit ${recentRows})`),
    queryRows<{ newest: number; span: number; rows: number; oldest: number; phrase: boolean }>(
      db,
      sql`select max(timestamp) as newest, max(timestamp) - min(timestamp) as span, count(*)::int as rows,
                 (select min(timestamp) from message where workspace_id = ${params.workspaceId}) as oldest,
                 strpos(${matches}::text, '<') > 0 as phrase
            from (select timestamp from message where workspace_id = ${params.workspaceId} order by timestamp desc, id desc limit ${recentRows}) recent`,
    ),
  ]);
  let rows = recent;
  // A workspace with fewer messages than the first pass read has been searched whole already.
  const searchedWhole = Number(bounds[0]?.rows ?? 0) < recentRows;
  const newest = Number(bounds[0]?.newest ?? 0);
  const oldest = Number(bounds[0]?.oldest ?? 0);
  let span = Math.max(Number(bounds[0]?.span ?? 0), 3600);
  // A window is combined with the query's GIN matches through the time index, at a cost per
  // message in the window (~0.2 µs), while reading every GIN match costs ~2 µs per match.
  // Words with no match among the newest are rare, fewer in all than a window wide enough for
  // them holds messages, so they skip to everything. A phrase (also a hyphenated word: `<->` in
  // the tsquery) is different: the index knows only which messages hold all its words, often many
  // more than match it, and each pass walks those again (~10 ms for two everyday words). So a
  // phrase gets one window, then everything. The window is the one that would hold two pages had
  // one match been among the newest, whatever was seen: none seen is no sign of a rare phrase (the
  // widest window costs ~25 ms in time-index entries alone), and two or three seen overstate it
  // often enough that a second pass, dearer than a wider window, would be common.
  const phrase = Boolean(bounds[0]?.phrase);
  const windows = phrase ? 1 : rows.length > 0 ? boundedPasses : 0;
  // The first window is sized from the matches among the newest messages, to hold about twice a
  // page; with none there, the word is rare and the window starts wide.
  const expected = phrase ? 2 * params.limit : rows.length > 0 ? (2 * params.limit) / rows.length : widening * widening;
  let factor = Math.min(Math.max(expected, 2), widening * widening);
  for (let pass = 0; rows.length < params.limit && !searchedWhole; pass++, factor = widening) {
    span *= factor;
    // A window reaching past the oldest message is everything: no time range to combine then.
    const since = Math.floor(newest - span);
    const bounded = pass < windows && since > oldest;
    rows = await page(sql`(select * from message where workspace_id = ${params.workspaceId} ${bounded ? sql`and timestamp >= ${since}` : sql``})`);
    if (!bounded) break;
  }
  return rows.map((row) => ({
    messageId: row.id,
    chatId: row.chat_id,
    chatName: row.chat_name,
    fromMe: row.from_me,
    timestamp: Number(row.timestamp),
    snippet: snippetParts(row.marked),
  }));
}

/**
 * The query stemmed in each language, OR-ed, with a language's query left out when it equals an
 * earlier one ("refund invoice" stems alike in all three; a phrase alike in Portuguese and
 * Spanish): the GIN scan walks every branch's posting lists and checks every branch per row, so a
 * repeated branch costs as much as a distinct one. Written with `=` rather than computed first,
 * so it stays a constant the planner folds and estimates, as the plain `||` of the three was.
 */
function distinctMatches(q: string): SQL {
  const english = sql`websearch_to_tsquery('english', ${q})`;
  const portuguese = sql`websearch_to_tsquery('portuguese', ${q})`;
  const spanish = sql`websearch_to_tsquery('spanish', ${q})`;
  return sql`(case when ${portuguese} = ${english} then (case when ${spanish} = ${english} then ${english} else ${english} || ${spanish} end)
                   when ${spanish} = ${english} or ${spanish} = ${portuguese} then ${english} || ${portuguese}
                   else ${english} || ${portuguese} || ${spanish} end)`;
}

/** The newest page of matches among `candidates` (a subquery of the workspace's messages), with chat names and snippets. */
function searchPage(db: Database, params: { workspaceId: string; query: string; limit: number; matches: SQL; candidates: SQL }) {
  const q = params.query;
  // Snippets mark the words of every language's query, as before the repeats were left out.
  const highlight = sql`(websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('portuguese', ${q}) || websearch_to_tsquery('spanish', ${q}))`;
  return queryRows<MessageHit>(
    db,
    sql`with hits as (
          select m.id, m.chat_id, m.from_me, m.timestamp, m.body from ${params.candidates} m
           where m.deleted_at is null and m.search_vector @@ ${params.matches}
           -- "+ 0": sort the matches rather than walk the time index filtering every row, which
           -- the planner may pick for a window (it misjudges how rare a word is) and regret.
           order by m.timestamp + 0 desc, m.id desc
           limit ${params.limit}
        )
        select h.id, h.chat_id, coalesce(ct.name, ct.push_name, c.name, c.wa_chat_id) as chat_name, h.from_me, h.timestamp,
          ts_headline('simple', coalesce(h.body, ''), ${highlight},
            case when length(coalesce(h.body, '')) <= ${wholeUpTo} then ${`HighlightAll=true, StartSel=${hitStart}, StopSel=${hitEnd}`}
                 else ${`StartSel=${hitStart}, StopSel=${hitEnd}, MaxWords=24, MinWords=10, MaxFragments=1`} end) as marked
        from hits h
        join chat c on c.id = h.chat_id and c.workspace_id = ${params.workspaceId}
        left join contact ct on ct.id = c.contact_id
        order by h.timestamp desc, h.id desc`,
  );
}

/** Chats whose contact name, push name, phone number or chat name contains `query`. */
export async function searchChats(db: Database, params: { workspaceId: string; query: string; limit: number }) {
  const pattern = `%${params.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = await queryRows<{ id: string; name: string | null; wa_chat_id: string }>(
    db,
    // Every chat of the workspace is read (a substring has no btree index), so each is made cheap:
    // `lower(x) like lower(p)` is what ILIKE does, with the pattern lowered once instead of per row.
    sql`with needle as (select lower(${pattern}) as p)
        select c.id, coalesce(ct.name, ct.push_name, c.name) as name, c.wa_chat_id
        from chat c left join contact ct on ct.id = c.contact_id, needle
        where c.workspace_id = ${params.workspaceId}
          and (lower(ct.name) like needle.p or lower(ct.push_name) like needle.p or lower(ct.phone_number) like needle.p
               or lower(c.name) like needle.p or lower(c.wa_chat_id) like needle.p)
        order by c.last_message_at desc nulls last
        limit ${params.limit}`,
  );
  return rows.map((row) => ({ chatId: row.id, name: row.name, waChatId: row.wa_chat_id }));
}
