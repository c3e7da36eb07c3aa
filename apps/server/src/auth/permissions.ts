import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, ownerAc } from "better-auth/plugins/organization/access";

/**
 * The role matrix, in one place: Better Auth's organization plugin checks its own routes
 * (members, invitations, the organization) against it, and the tRPC `requirePermission` guard
 * checks ours. `organization` is the workspace itself. README.md renders this as a table.
 */
export const statements = {
  ...defaultStatements,
  billing: ["manage"],
  account: ["create", "update", "delete"],
  template: ["create", "update", "delete", "use"],
  tag: ["create", "update", "delete", "attach"],
  folder: ["create", "update", "delete", "assign"],
  chat: ["read", "reply"],
  /** Deleting other people's private notes (everyone manages their own). */
  note: ["delete"],
} as const;

export const accessControl = createAccessControl(statements);

const manageContent = {
  account: ["create", "update", "delete"],
  template: ["create", "update", "delete", "use"],
  tag: ["create", "update", "delete", "attach"],
  folder: ["create", "update", "delete", "assign"],
  chat: ["read", "reply"],
  note: ["delete"],
} as const;

export const roles = {
  /** Everything, including billing and deleting the workspace. */
  owner: accessControl.newRole({ ...ownerAc.statements, ...manageContent, billing: ["manage"] }),
  /** Accounts, members (Better Auth keeps admins off owners), templates, tags, folders. */
  admin: accessControl.newRole({ ...adminAc.statements, ...manageContent }),
  /** Reads and answers chats, uses templates and tags. */
  agent: accessControl.newRole({
    ac: ["read"],
    template: ["use"],
    tag: ["attach"],
    folder: ["assign"],
    chat: ["read", "reply"],
  }),
};

export type Role = keyof typeof roles;
export const roleNames = Object.keys(roles) as Role[];

/** Permissions as `{ resource: [actions] }`, typed against the statements. */
export type Permissions = { [Resource in keyof typeof statements]?: (typeof statements)[Resource][number][] };

/**
 * Whether a member's role string grants every permission asked for. Better Auth stores several
 * roles comma-separated; any one of them granting the permission is enough.
 */
export function roleAllows(roleString: string, permissions: Permissions): boolean {
  return roleString
    .split(",")
    .map((name) => name.trim())
    .some((name) => name in roles && roles[name as Role].authorize(permissions).success);
}

export function isRole(value: string): value is Role {
  return value in roles;
}

/** Whether a member's role string (maybe comma-separated) includes `owner`. */
export function includesOwner(roleString: string): boolean {
  return roleString.split(",").some((name) => name.trim() === "owner");
}
