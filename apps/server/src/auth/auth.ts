import type { Database } from "@nexis/db";
import { createPersonalWorkspace, findDefaultWorkspaceId } from "@nexis/db/queries/workspace";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { bearer, organization } from "better-auth/plugins";
import { accessControl, roles } from "./permissions.ts";

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
}

/**
 * Better Auth for the API server: email and password, workspaces as organizations with the
 * owner/admin/agent roles of `permissions.ts`, and bearer tokens for the client. Every new user
 * gets a personal workspace, which each new session opens as the active one.
 */
export function createAuth(options: AuthOptions) {
  const { db } = options;
  return betterAuth({
    appName: "NexisChat",
    secret: options.secret,
    baseURL: options.baseURL,
    basePath: "/api/auth",
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(db, { provider: "pg" }),
    emailAndPassword: { enabled: true, minPasswordLength: 10, maxPasswordLength: 128 },
    rateLimit: { enabled: options.rateLimit ?? true, storage: "memory", window: 60, max: 100 },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      // Better Auth skips the Origin check when NODE_ENV is "test"; keep it on everywhere.
      disableOriginCheck: false,
    },
    plugins: [
      organization({ ac: accessControl, roles, creatorRole: "owner" }),
      bearer(),
    ],
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await createPersonalWorkspace(db, { userId: user.id, name: personalWorkspaceName(user.name) });
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
