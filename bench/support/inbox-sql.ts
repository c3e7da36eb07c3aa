// The read benchmarks' baselines: hand-written SQL giving the same page as the API, in one round
// trip each, run through the API's own pool (the app's Drizzle database) with bound parameters.
import { queryRows, type Database } from "@nexis/db";
import { sql } from "drizzle-orm";

/** The inbox's first page: chats newest activity first with contact, tags, last message and unread. */
export function chatPageSql(db: Database, params: { workspaceId: string; limit: number }) {
  return queryRows<{ id: string }>(
    db,
    sql`select c.id, c.account_id, c.wa_chat_id, c.name, c.is_group, c.folder_id, c.assignee_user_id, c.unread_count, c.archived,
               c.pinned_at, c.muted, c.last_message_at, c.created_at,
               ct.id as contact_id, ct.wa_id, ct.name as contact_name, ct.push_name, ct.phone_number,
               lm.id as last_id, lm.from_me, lm.type, lm.body, lm.ack, lm.timestamp, lm.deleted_at is not null as deleted,
               coalesce(t.tags, '[]') as tags
          from chat c
          left join contact ct on ct.id = c.contact_id
          left join lateral (
            select m.id, m.from_me, m.type, m.body, m.ack, m.timestamp, m.deleted_at from message m
             where m.chat_id = c.id and m.workspace_id = c.workspace_id order by m.timestamp desc, m.id desc limit 1
          ) lm on true
          left join lateral (
            select json_agg(json_build_object('id', tg.id, 'name', tg.name, 'color', tg.color) order by tg.name) as tags
              from chat_tag x join tag tg on tg.id = x.tag_id where x.chat_id = c.id and x.workspace_id = c.workspace_id
          ) t on true
         where c.workspace_id = ${params.workspaceId} and not c.archived
         order by coalesce(c.last_message_at, c.created_at) desc, c.id desc
         limit ${params.limit + 1}`,
  );
}

/** A page of one chat's messages, newest first. */
export function messagePageSql(db: Database, params: { workspaceId: string; chatId: string; limit: number }) {
  return queryRows<{ id: string }>(
    db,
    sql`select id, chat_id, wa_message_id, from_me, author, type, body, ack, timestamp, media, media_id, reactions, failure_reason,
               sent_by_user_id, edited_at, deleted_at
          from message where workspace_id = ${params.workspaceId} and chat_id = ${params.chatId}
         order by timestamp desc, id desc limit ${params.limit + 1}`,
  );
}
