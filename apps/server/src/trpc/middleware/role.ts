import { experimental_standaloneMiddleware, TRPCError } from "@trpc/server";
import { type Permissions, roleAllows } from "../../auth/permissions.ts";
import { RoleError } from "../errors.ts";

/**
 * Refuses the call unless the caller's role grants `permissions` (the matrix in
 * `auth/permissions.ts`). Use after `workspaceProcedure`.
 */
export function requirePermission(permissions: Permissions) {
  return experimental_standaloneMiddleware<{ ctx: { role: string } }>().create(({ ctx, next }) => {
    if (!roleAllows(ctx.role, permissions)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${ctx.role}) cannot do this.`, cause: new RoleError(ctx.role) });
    }
    return next();
  });
}
