import { countChatsInWorkspace } from "@nexis/db/queries/chat";
import type { Database } from "@nexis/db";
import { TRPCError } from "@trpc/server";

/**
 * Refuses a batch change unless every chat id is one of the workspace's chats: a batch that
 * names another workspace's chat changes nothing at all, and says NOT_FOUND as a single id would.
 */
export async function requireWorkspaceChats(db: Database, params: { workspaceId: string; chatIds: string[] }) {
  const unique = [...new Set(params.chatIds)];
  const found = await countChatsInWorkspace(db, { workspaceId: params.workspaceId, chatIds: unique });
  if (found !== unique.length) throw new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
  return unique;
}
