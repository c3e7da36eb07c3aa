import { z } from "zod";
import type { ChatListInput } from "./api-types.ts";

/** The inbox's URL state: which list is shown and which chat is open. */
export const inboxSearchSchema = z.object({
  view: z.enum(["all", "mine", "unassigned", "unread", "archived"]).optional(),
  folderId: z.uuid().optional(),
  tagId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  chatId: z.uuid().optional(),
  /** A message to scroll to in the open chat (a search hit). */
  messageId: z.uuid().optional(),
});
export type InboxSearch = z.infer<typeof inboxSearchSchema>;

/** The `chat.list` filter for the sidebar's selection. */
export function chatFilters(search: InboxSearch): ChatListInput {
  const filters: ChatListInput = {};
  if (search.view === "unread") filters.unread = true;
  if (search.view === "archived") filters.archived = true;
  if (search.view === "mine") filters.assignee = "me";
  if (search.view === "unassigned") filters.assignee = "unassigned";
  if (search.folderId) filters.folderId = search.folderId;
  if (search.tagId) filters.tagId = search.tagId;
  if (search.accountId) filters.accountId = search.accountId;
  return filters;
}
