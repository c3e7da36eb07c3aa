import { countChatsInWorkspace } from "@nexis/db/queries/chat";
import type { Database } from "@nexis/db";
import { TRPCError } from "@trpc/server";
import { found } from "./errors.ts";

/**
 * Refuses a batch change unless every chat id is one of the workspace's chats: a batch that
 * names another workspace's chat changes nothing at all, and says NOT_FOUND as a single id would.
 */
export async function requireWorkspaceChats(db: Database, params: { workspaceId: string; chatIds: string[] }) {
  const unique = [...new Set(params.chatIds)];
  const count = await countChatsInWorkspace(db, { workspaceId: params.workspaceId, chatIds: unique });
  if (count !== unique.length) throw new TRPCError({ code: "NOT_FOUND", message: "Chat not found." });
  return unique;
}

/**
 * Checks a "do this to these chats" call (tag them, move them to a folder): the target (`id`)
 * and every chat must be the workspace's. Answers the workspace and the chat ids, each once.
 */
export async function resolveChatBatch(
  ctx: { db: Database; workspaceId: string },
  input: { id: string; chatIds: string[] },
  target: { what: string; get: (db: Database, params: { workspaceId: string; id: string }) => Promise<unknown> },
) {
  const workspaceId = ctx.workspaceId;
  found(await target.get(ctx.db, { workspaceId, id: input.id }), target.what);
  const chatIds = await requireWorkspaceChats(ctx.db, { workspaceId, chatIds: input.chatIds });
  return { workspaceId, chatIds };
}
