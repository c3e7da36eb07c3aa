import { TRPCError } from "@trpc/server";
import { t } from "../core.ts";

/** Refuses callers without a valid session; narrows `ctx.session` to non-null. */
export const requireSession = t.middleware(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { session: ctx.session } });
});
