import * as accounts from "@nexis/db/queries/account";
import { WahaHttpError } from "@nexis/waha-client";
import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { accountByIdSchema, addAccountSchema, getAccountSchema, removeAccountSchema, renameAccountSchema, requestCodeSchema, setSendRateSchema } from "../../schemas/account.ts";
import { accountStatus, callWhatsApp, newWebhookKey, sessionCreateRequest, type WhatsAppLink } from "../../services/whatsapp/whatsapp-link.ts";
import { audited } from "../audit.ts";
import { found } from "../errors.ts";
import { enforcePlanLimit, requirePermission, workspaceProcedure } from "../init.ts";

/** The WhatsApp service, or a clear refusal when this server runs without one. */
function whatsappOf(ctx: { whatsapp: WhatsAppLink | null }): WhatsAppLink {
  if (!ctx.whatsapp) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "This server has no WhatsApp service configured (WHATSAPP_SERVER_URL)." });
  return ctx.whatsapp;
}

/**
 * Runs a session command (restart, logout) for one of the workspace's accounts and records the
 * status it answers, with an audit row, in one transaction.
 */
function sessionAction(
  ctx: Parameters<typeof audited>[0] & { whatsapp: WhatsAppLink | null },
  id: string,
  action: string,
  command: (client: WhatsAppLink["client"], session: string) => Promise<{ status: string }>,
) {
  return audited(
    ctx,
    async (tx) => {
      const account = found(await accounts.getAccount(tx, { workspaceId: ctx.workspaceId, id }), "Account");
      const { client } = whatsappOf(ctx);
      const session = await callWhatsApp(() => command(client, account.id));
      return found(await accounts.updateAccountStatus(tx, { workspaceId: ctx.workspaceId, id: account.id, status: accountStatus(session.status) }), "Account");
    },
    (account) => ({ action, targetType: "account", targetId: account.id }),
  );
}

const manageAccounts = workspaceProcedure.use(requirePermission({ account: ["update"] }));

/** The workspace's linked WhatsApp numbers, by name (also the seed's top-level `getAccounts`). */
export const listAccountsQuery = workspaceProcedure.query(({ ctx }) => accounts.listAccounts(ctx.db, { workspaceId: ctx.workspaceId }));

/**
 * Linked WhatsApp numbers. Each account is one session of the WhatsApp service, named by the
 * account id; its status follows the session's `session.status` webhooks.
 */
export const accountRouter = {
  list: listAccountsQuery,

  get: workspaceProcedure
    .input(getAccountSchema)
    .query(async ({ ctx, input }) => found(await accounts.getAccount(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Account")),

  /**
   * Adds a number and starts its WhatsApp session (it then shows a QR to scan). The row, its
   * audit entry and the session are made together: if the WhatsApp service refuses or cannot be
   * reached, nothing is kept and the error says what to do.
   */
  addAccount: workspaceProcedure
    .use(requirePermission({ account: ["create"] }))
    .input(addAccountSchema)
    .use(enforcePlanLimit("accounts"))
    .mutation(async ({ ctx, input }) => {
      const whatsapp = whatsappOf(ctx);
      const hmacKey = newWebhookKey();
      // The row and the (stopped) session are made together; the session starts only once the
      // row is committed, so its first webhooks (STARTING, the QR) find their account at once
      // instead of being refused and retried with backoff.
      const account = await audited(
        ctx,
        async (tx) => {
          const created = await accounts.createAccount(tx, { workspaceId: ctx.workspaceId, ...input, webhookSecret: ctx.secretBox.seal(hmacKey) });
          await callWhatsApp(() =>
            whatsapp.client.createSession(sessionCreateRequest({ accountId: created.id, workspaceId: ctx.workspaceId, hmacKey, webhookUrl: whatsapp.webhookUrl })),
          );
          return created;
        },
        (created) => ({ action: "account.create", targetType: "account", targetId: created.id, metadata: { name: created.name } }),
      );
      // A failed start leaves a stopped number, which Restart starts again.
      const session = await callWhatsApp(() => whatsapp.client.startSession(account.id));
      const status = accountStatus(session.status);
      const started = await accounts.updateAccountStatus(ctx.db, { workspaceId: ctx.workspaceId, id: account.id, status, onlyFrom: "STOPPED" });
      return started ?? found(await accounts.getAccount(ctx.db, { workspaceId: ctx.workspaceId, id: account.id }), "Account");
    }),

  rename: manageAccounts.input(renameAccountSchema).mutation(({ ctx, input }) =>
    audited(
      ctx,
      async (tx) => found(await accounts.renameAccount(tx, { workspaceId: ctx.workspaceId, ...input }), "Account"),
      (account) => ({ action: "account.rename", targetType: "account", targetId: account.id, metadata: { name: account.name } }),
    ),
  ),

  /** How many messages a minute the outbound queue may send from this number (null: the server default). */
  setSendRate: manageAccounts.input(setSendRateSchema).mutation(({ ctx, input }) =>
    audited(
      ctx,
      async (tx) => found(await accounts.setAccountSendRate(tx, { workspaceId: ctx.workspaceId, ...input }), "Account"),
      (account) => ({ action: "account.setSendRate", targetType: "account", targetId: account.id, metadata: { messagesPerMinute: account.messagesPerMinute } }),
    ),
  ),

  /** The QR to scan while the session waits for one (`value` is what the phone reads); null otherwise. */
  qr: manageAccounts.input(accountByIdSchema).query(async ({ ctx, input }) => {
    const account = found(await accounts.getAccount(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Account");
    if (account.status !== "SCAN_QR_CODE") return { status: account.status, value: null };
    const whatsapp = whatsappOf(ctx);
    try {
      const { value } = await whatsapp.client.getQRValue(account.id);
      return { status: account.status, value };
    } catch (error) {
      // The session moved on (linked, failed) since its last webhook: no QR to show.
      if (error instanceof WahaHttpError && error.status === 422) return { status: account.status, value: null };
      return callWhatsApp(() => Promise.reject(error));
    }
  }),

  /** A pairing code to type on the phone (Linked devices → Link with phone number). */
  requestCode: manageAccounts.input(requestCodeSchema).mutation(async ({ ctx, input }) => {
    const account = found(await accounts.getAccount(ctx.db, { workspaceId: ctx.workspaceId, id: input.id }), "Account");
    const whatsapp = whatsappOf(ctx);
    const phoneNumber = input.phoneNumber.replace(/\D/g, "");
    return callWhatsApp(() => whatsapp.client.requestCode(account.id, { phoneNumber }));
  }),

  /** Restarts the session (after FAILED or STOPPED); a linked number comes back WORKING. */
  restart: manageAccounts.input(accountByIdSchema).mutation(({ ctx, input }) =>
    sessionAction(ctx, input.id, "account.restart", (client, session) => client.restartSession(session)),
  ),

  /** Unlinks the phone (it must scan a new QR to come back); chats and messages are kept. */
  logout: manageAccounts.input(accountByIdSchema).mutation(({ ctx, input }) =>
    sessionAction(ctx, input.id, "account.logout", (client, session) => client.logoutSession(session)),
  ),

  /** Stops and deletes the WhatsApp session, then the account with its chats and messages. */
  remove: workspaceProcedure
    .use(requirePermission({ account: ["delete"] }))
    .input(removeAccountSchema)
    .mutation(async ({ ctx, input }) => {
      const removed = await audited(
        ctx,
        async (tx) => {
          const removed = found(await accounts.deleteAccount(tx, { workspaceId: ctx.workspaceId, id: input.id }), "Account");
          if (ctx.whatsapp) {
            const { client } = ctx.whatsapp;
            // Already gone at the service (deleted by hand, never created) is what we want anyway.
            await callWhatsApp(() => client.deleteSession(removed.id).catch((error: unknown) => {
              if (error instanceof WahaHttpError && error.status === 404) return null;
              throw error;
            }));
          }
          return removed;
        },
        (account) => ({ action: "account.remove", targetType: "account", targetId: account.id }),
      );
      // After the commit: a webhook still on its way finds no account and is refused.
      ctx.webhookAccounts?.invalidate(removed.id);
      return removed;
    }),
} satisfies TRPCRouterRecord;
