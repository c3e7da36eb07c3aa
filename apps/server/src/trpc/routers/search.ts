import { searchChats, searchMessages } from "@nexis/db/queries/search";
import type { TRPCRouterRecord } from "@trpc/server";
import { searchSchema } from "../../schemas/chat.ts";
import { memberReadProcedure } from "../init.ts";

/** Search across the workspace's conversations. */
export const searchRouter = {
  /**
   * Messages matching the query (full-text, stemmed in English, Portuguese and Spanish; web-search
   * syntax: "a phrase", -without, or), newest first, with marked snippets; and chats whose contact
   * name or number contains it.
   */
  // Every role reads chats (`auth/permissions.ts`).
  inbox: memberReadProcedure
    .input(searchSchema)
    .query(async ({ ctx, input }) => {
      const params = { workspaceId: ctx.workspaceId, query: input.query, limit: input.limit };
      const [messages, chats] = await Promise.all([searchMessages(ctx.db, params), searchChats(ctx.db, { ...params, limit: 10 })]);
      return { messages, chats };
    }),
} satisfies TRPCRouterRecord;
