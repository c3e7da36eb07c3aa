import { sql } from "drizzle-orm";
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { chat } from "./chat.ts";
import { createdAt, id, workspaceId } from "./columns.ts";
import { media as mediaTable, type MessageMedia } from "./media.ts";
import { accountReference } from "./whatsapp-account.ts";

/** What a reply quotes: WAHA's `replyTo` (the quoted message's key, not its full id). */
export interface QuotedMessage {
  key: string;
  /** Who wrote the quoted message (their WhatsApp id), when WhatsApp says. */
  participant: string | null;
  /** Whether we wrote it; null when only WhatsApp's quote is known (inbound replies). */
  fromMe: boolean | null;
  body: string | null;
  hasMedia: boolean;
}

/** Who a system line names: the linked number itself ("You") or a person as we know them. */
export type SystemPerson = { me: true } | { name: string };

/**
 * A WhatsApp system line ("Ana added Bruno") as data, so every agent reads it in their own
 * language; the message's `body` keeps the English sentence for search and older clients.
 */
export type SystemEvent =
  /** We joined the group: added by `by`, or through an invitation link when null. */
  | { kind: "joined"; by: SystemPerson | null }
  /** We left the group: removed by `by`, or on our own when null. */
  | { kind: "left"; by: SystemPerson | null }
  | { kind: "subject"; by: SystemPerson | null; subject: string }
  | { kind: "description"; by: SystemPerson | null }
  /** Who may send messages to the group, or edit its info: admins only or every participant. */
  | { kind: "send_policy" | "edit_policy"; adminsOnly: boolean }
  /** Members added (or joined, when `by` is null), removed (or left), promoted or demoted. */
  | { kind: "members"; change: "add" | "remove" | "promote" | "demote"; by: SystemPerson | null; people: SystemPerson[] };

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * The words of a message body for full-text search, stemmed for each language the inbox speaks
 * (English, Portuguese, Spanish), so "pedidos" finds "pedido" and "orders" finds "order".
 */
export const messageSearchDocument = sql`to_tsvector('english', coalesce(body, '')) || to_tsvector('portuguese', coalesce(body, '')) || to_tsvector('spanish', coalesce(body, ''))`;

/**
 * One WhatsApp message, stored once per WhatsApp message id and number: replayed or duplicated
 * webhooks hit the unique index and change nothing.
 */
export const message = pgTable(
  "message",
  {
    id: id(),
    workspaceId: workspaceId(),
    accountId: accountReference(),
    chatId: text()
      .notNull()
      .references(() => chat.id, { onDelete: "cascade" }),
    /** WAHA's message id, e.g. `true_5511999999999@c.us_3EB0...`. */
    waMessageId: text().notNull(),
    fromMe: boolean().notNull(),
    /** WAHA's `from`/`participant` for group messages. */
    author: text(),
    type: text().notNull().default("chat"),
    body: text(),
    /** WAHA's ack: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played. */
    ack: integer().notNull().default(0),
    /** Sender's timestamp in seconds, as WhatsApp gives it. */
    timestamp: bigint({ mode: "number" }).notNull(),
    media: jsonb().$type<MessageMedia>(),
    /**
     * The message this one replies to, as WhatsApp quoted it (its key, author and text then), so
     * the quote shows even when the original is older than what we keep, deleted or edited since.
     */
    quoted: jsonb().$type<QuotedMessage>(),
    /** For `type` "system": what happened, to be shown in the reader's language. */
    system: jsonb().$type<SystemEvent>(),
    /** Our stored copy of the message's file (`media`), once downloaded or uploaded. */
    mediaId: text().references(() => mediaTable.id, { onDelete: "set null" }),
    /** Reactions by who reacted (their WhatsApp id, or `me`), e.g. `{ "5511…@c.us": "👍" }`. */
    reactions: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Why an outbound message failed, for the agent (ack -1). */
    failureReason: text(),
    sentByUserId: text(),
    editedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    searchVector: tsvector().generatedAlwaysAs(messageSearchDocument),
  },
  (table) => [
    uniqueIndex("message_account_wa_message_id_unique").on(table.accountId, table.waMessageId),
    // A chat's page of messages and its last message, in (timestamp, id) order.
    index("message_chat_timestamp_id_idx").on(table.chatId, table.timestamp, table.id),
    // The workspace's newest messages, and time windows for search.
    index("message_workspace_timestamp_id_idx").on(table.workspaceId, table.timestamp, table.id),
    index("message_search_idx").using("gin", table.searchVector),
    // Which messages show a stored file: the sweeper keeps every file a message still uses.
    index("message_media_id_idx").on(table.mediaId).where(sql`${table.mediaId} is not null`),
  ],
);
