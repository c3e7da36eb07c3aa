import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { router } from "../init.ts";
import { accountRouter, listAccountsQuery } from "./account.ts";
import { billingRouter } from "./billing.ts";
import { chatRouter } from "./chat.ts";
import { eventsRouter } from "./events.ts";
import { folderRouter } from "./folder.ts";
import { healthQuery } from "./health.ts";
import { memberRouter } from "./member.ts";
import { noteRouter } from "./note.ts";
import { searchRouter } from "./search.ts";
import { messageRouter } from "./message.ts";
import { subscriptionRouter } from "./subscription.ts";
import { tagRouter } from "./tag.ts";
import { templateRouter } from "./template.ts";
import { workspaceRouter } from "./workspace.ts";

/** The root router: one entry per domain router; its type is what the apps import. */
export const appRouter = router({
  health: healthQuery,
  /** The seed client's name for `account.list` (`trpc.getAccounts.useQuery()`). */
  getAccounts: listAccountsQuery,
  account: accountRouter,
  workspace: workspaceRouter,
  member: memberRouter,
  tag: tagRouter,
  folder: folderRouter,
  template: templateRouter,
  chat: chatRouter,
  events: eventsRouter,
  note: noteRouter,
  search: searchRouter,
  message: messageRouter,
  subscription: subscriptionRouter,
  billing: billingRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
