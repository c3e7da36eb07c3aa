import * as accounts from "@nexis/db/queries/account";
import type { TRPCRouterRecord } from "@trpc/server";
import { addAccountSchema, getAccountSchema, removeAccountSchema, renameAccountSchema } from "../../schemas/account.ts";
import { audited } from "../audit.ts";
import { found } from "../errors.ts";
import { enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

/** The workspace's linked WhatsApp numbers, by name (also the seed's top-level `getAccounts`). */
export const listAccountsQuery = workspaceProcedure.query(({ ctx }) => accounts.listAccounts(ctx.db, { workspaceId: ctx.workspaceId }));

/** Linked WhatsApp numbers (`whatsapp_account` rows). Linking to WhatsApp comes with messaging. */
export const accountRouter = {
  list: listAccountsQuery,

  get: workspaceProcedure
    .input(getAccountSchema)
    .query(async ({ ctx, input }) => found(await accounts.getAccount(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Account")),

  addAccount: workspaceProcedure
    .use(requirePermission({ account: ["create"] }))
    .input(addAccountSchema)
    .use(enforcePlanLimit("accounts"))
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        (tx) => accounts.createAccount(tx, { workspaceId: ctx.workspaceId, ...input }),
        (account) => ({ action: "account.create", targetType: "account", targetId: account.id, metadata: { name: account.name } }),
      ),
    ),

  rename: workspaceProcedure
    .use(requirePermission({ account: ["update"] }))
    .input(renameAccountSchema)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        async (tx) => found(await accounts.renameAccount(tx, { workspaceId: ctx.workspaceId, ...input }), "Account"),
        (account) => ({ action: "account.rename", targetType: "account", targetId: account.id, metadata: { name: account.name } }),
      ),
    ),

  remove: workspaceProcedure
    .use(requirePermission({ account: ["delete"] }))
    .input(removeAccountSchema)
    .mutation(({ ctx, input }) =>
      audited(
        ctx,
        async (tx) => found(await accounts.deleteAccount(tx, { workspaceId: ctx.workspaceId, id: input.id }), "Account"),
        (account) => ({ action: "account.remove", targetType: "account", targetId: account.id }),
      ),
    ),
} satisfies TRPCRouterRecord;
