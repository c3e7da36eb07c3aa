import type { Database } from "@nexis/db";
import { getWorkspacePlanId } from "@nexis/db/queries/subscription";
import { createWorkspace, findDefaultWorkspaceId } from "@nexis/db/queries/workspace";
import { getPlan } from "@nexis/plans";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer, organization } from "better-auth/plugins";
import type { Mailer } from "../services/mail/index.ts";
import type { AuthRateLimitStorage } from "../services/rate-limit/mutation-limiter.ts";
import { invitationMail, resetPasswordMail, verifyEmailMail } from "./emails.ts";
import { accessControl, roles } from "./permissions.ts";
import type { WorkosOptions } from "./workos/config.ts";
import { workosSso } from "./workos/plugin.ts";

export interface AuthOptions {
  db: Database;
  /** At least 32 characters; signs cookies and tokens. */
  secret: string;
  /** Where browsers reach this server (SERVER_URL). */
  baseURL: string;
  /** Browser origins allowed to call the auth routes (the CORS allowlist). */
  trustedOrigins: string[];
  /** Better Auth's own limiter on its routes (sign-in: 3 per 10 s per IP). Off only in tests. */
  rateLimit?: boolean;
  /** Where its counts live when shared by several instances (Redis); in memory when unset. */
  rateLimitStorage?: AuthRateLimitStorage | null;
  /** Sends invitation and password-reset emails. */
  mailer: Mailer;
  /** The client's address (CLIENT_URL), where invitation links lead. */
  clientUrl: string;
  /** WorkOS AuthKit SSO (`workos/`); off when unset. */
  workos?: WorkosOptions | undefined;
}

/**
 * Better Auth for the API server: email and password, workspaces as organizations with the
 * owner/admin/agent roles of `permissions.ts`, and bearer tokens for the client. Every new user
 * gets a personal workspace, which each new session opens as the active one.
 */
export function createAuth(options: AuthOptions) {
  const { db, mailer } = options;
  return betterAuth({
    appName: "NexisChat",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(db, { provider: "pg" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      sendResetPassword: ({ user, url }) => mailer.send(resetPasswordMail({ to: user.email, url })),
    },
    // Every sign-up gets a confirmation link; signing in does not wait for it, so a self-hosted
    // install without SMTP still works (the link is in the dev mailbox and the log).
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }) => mailer.send(verifyEmailMail({ to: user.email, name: user.name, url })),
    },
    rateLimit: {
      enabled: options.rateLimit ?? true,
      storage: "memory",
      window: 60,
      max: 100,
      ...(options.rateLimitStorage ? { customStorage: options.rateLimitStorage } : {}),
    },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      // Better Auth skips the Origin check when NODE_ENV is "test"; keep it on everywhere.
      disableOriginCheck: false,
    },
    plugins: [
      organization({
        ac: accessControl,
        roles,
        creatorRole: "owner",
        // Better Auth asks for a verified email before accepting when ids come from a custom
        // generator. Ours are random v4 UUIDs, unguessable and only ever sent to the invited address.
        requireEmailVerificationOnInvitation: false,
        // Checked when an invitation is accepted; the member router checks it on invite too.
        membershipLimit: async (_user, workspace) =>
          getPlan(await getWorkspacePlanId(db, { workspaceId: workspace.id })).limits.members ?? Number.MAX_SAFE_INTEGER,
        sendInvitationEmail: (data) =>
          mailer.send(
            invitationMail({
              to: data.email,
              invitationId: data.id,
              workspaceName: data.organization.name,
              inviterName: data.inviter.user.name,
              role: data.role,
              clientUrl: options.clientUrl,
            }),
          ),
      }),
      bearer(),
      workosSso({ db, workos: options.workos, secret: options.secret, clientUrl: options.clientUrl }),
    ],
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await createWorkspace(db, { userId: user.id, name: personalWorkspaceName(user.name), personal: true });
          },
        },
      },
      session: {
        create: {
          before: async (session) => {
            const workspaceId = await findDefaultWorkspaceId(db, { userId: session.userId });
            return { data: { ...session, activeOrganizationId: workspaceId ?? null } };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;

function personalWorkspaceName(userName: string): string {
  const name = userName.trim();
  return name ? `${name}'s workspace` : "My workspace";
}
