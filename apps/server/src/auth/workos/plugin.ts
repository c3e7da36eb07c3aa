import type { Database } from "@nexis/db";
import { listSsoRequiringWorkspaces } from "@nexis/db/queries/sso";
import { getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { setActiveWorkspace } from "@nexis/db/queries/workspace";
import { getPlan } from "@nexis/plans";
import type { BetterAuthPlugin, GenericEndpointContext } from "better-auth";
import { APIError, createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { z } from "zod";
import { createWorkosClient, type WorkosOptions } from "./config.ts";
import { fromWorkosError, SsoError } from "./errors.ts";
import { provisionSsoUser } from "./provision.ts";
import { safeReturnPath, signState, stateTtlMs, verifyState } from "./state.ts";

export interface WorkosSsoOptions {
  db: Database;
  /** Unset: SSO is off, the routes answer 404 and `/sso/config` says so. */
  workos: WorkosOptions | undefined;
  /** The server's auth secret: signs the `state`. */
  secret: string;
  /** The client, where a sign-in ends (its return path) or fails (its sign-in page). */
  clientUrl: string;
}

/** The only route that may open a session for someone whose workspace requires SSO. */
const callbackPath = "/sso/callback";

const startQuery = z.object({ redirect: z.string().max(1024).optional(), email: z.email().max(254).optional() });
const callbackQuery = z.object({ code: z.string().max(1024).optional(), state: z.string().max(2048).optional(), error: z.string().max(200).optional() });

/**
 * WorkOS AuthKit sign-in as Better Auth routes (`/api/auth/sso/*`), so the session it opens is the
 * same HttpOnly cookie as any other sign-in: start → WorkOS → callback → local user and session.
 * Also enforces the workspaces' "require SSO" policy on every other way of opening a session.
 */
export function workosSso(options: WorkosSsoOptions) {
  const { db, workos } = options;
  const client = workos ? createWorkosClient(workos) : null;
  const clientUrl = options.clientUrl.replace(/\/+$/, "");
  const nonceCookie = (ctx: GenericEndpointContext) => ctx.context.createAuthCookie("sso_nonce", { maxAge: stateTtlMs / 1000, sameSite: "lax", httpOnly: true, path: "/api/auth/sso" });
  const failTo = (ctx: GenericEndpointContext, error: SsoError) => {
    ctx.context.logger.warn(`SSO sign-in refused (${error.code}): ${error.message}`);
    return ctx.redirect(`${clientUrl}/sign-in?error=${error.code}`);
  };

  return {
    id: "workos-sso",
    endpoints: {
      /** Whether the sign-in page offers "Continue with SSO". */
      ssoConfig: createAuthEndpoint("/sso/config", { method: "GET" }, async (ctx) => ctx.json({ enabled: client !== null })),

      /** Sends the browser to AuthKit with a signed state bound to a nonce cookie. */
      ssoStart: createAuthEndpoint("/sso/start", { method: "GET", query: startQuery }, async (ctx) => {
        if (!client || !workos) throw new APIError("NOT_FOUND", { message: "SSO is not configured." });
        const { state, nonce } = signState(options.secret, { returnTo: safeReturnPath(ctx.query.redirect) });
        const cookie = nonceCookie(ctx);
        ctx.setCookie(cookie.name, nonce, cookie.attributes);
        const url = client.userManagement.getAuthorizationUrl({
          provider: "authkit",
          clientId: workos.clientId,
          redirectUri: workos.redirectUri,
          state,
          // AuthKit routes an email whose domain belongs to an organization to its SSO connection.
          ...(ctx.query.email ? { loginHint: ctx.query.email } : {}),
        });
        throw ctx.redirect(url);
      }),

      /** WorkOS's redirect back: checks the state, exchanges the code, opens the session. */
      ssoCallback: createAuthEndpoint(callbackPath, { method: "GET", query: callbackQuery }, async (ctx) => {
        if (!client || !workos) throw new APIError("NOT_FOUND", { message: "SSO is not configured." });
        const cookie = nonceCookie(ctx);
        const state = verifyState(options.secret, ctx.query.state, ctx.getCookie(cookie.name));
        // The nonce is single-use: whatever happens next, this state cannot be replayed.
        ctx.setCookie(cookie.name, "", { ...cookie.attributes, maxAge: 0 });
        if (!state) throw failTo(ctx, new SsoError("sso_state_invalid", "The sign-in state is missing, expired or was tampered with."));
        if (ctx.query.error || !ctx.query.code) throw failTo(ctx, new SsoError("sso_failed", `WorkOS returned no code (${ctx.query.error ?? "none"}).`));

        let authentication;
        try {
          authentication = await client.userManagement.authenticateWithCode({ code: ctx.query.code, clientId: workos.clientId });
        } catch (error) {
          throw failTo(ctx, fromWorkosError(error));
        }
        let provisioned;
        try {
          provisioned = await provisionSsoUser(ctx, db, { profile: authentication.user, organizationId: authentication.organizationId });
        } catch (error) {
          if (error instanceof SsoError) throw failTo(ctx, error);
          throw error;
        }
        const { user, workspaceId } = provisioned;
        const session = await ctx.context.internalAdapter.createSession(user.id);
        if (workspaceId) await setActiveWorkspace(db, { sessionId: session.id, userId: user.id, workspaceId });
        await setSessionCookie(ctx, { session, user });
        throw ctx.redirect(`${clientUrl}${state.returnTo}`);
      }),
    },
    init: () => ({
      options: {
        databaseHooks: {
          session: {
            create: {
              // Checked where every session is born (password, email link, reset…): only the SSO
              // callback may open one for a member of a workspace that requires SSO.
              before: async (session, ctx) => {
                if (!client || ctx?.path === callbackPath) return;
                if (await mustUseSso(db, session.userId)) {
                  throw new APIError("FORBIDDEN", { code: "SSO_REQUIRED", message: "Your workspace requires signing in with SSO." });
                }
              },
            },
          },
        },
      },
    }),
    rateLimit: [{ pathMatcher: (path) => path.startsWith("/sso/"), window: 60, max: 30 }],
  } satisfies BetterAuthPlugin;
}

/** Whether one of the user's workspaces requires SSO and its plan still includes it. */
async function mustUseSso(db: Database, userId: string): Promise<boolean> {
  for (const workspaceId of await listSsoRequiringWorkspaces(db, { userId })) {
    if (getPlan(await getWorkspacePlanId(db, { workspaceId })).features.sso) return true;
  }
  return false;
}
