import { describe, expect, it } from "vitest";
import { roleAllows, roles } from "../../auth/permissions.ts";

describe("member reads", () => {
  // `memberReadProcedure` (chats, messages, search) checks membership only, not the role: it
  // relies on every role reading chats. A role without it must move those reads back.
  it("every role may read chats", () => {
    for (const role of Object.keys(roles)) expect(roleAllows(role, { chat: ["read"] }), role).toBe(true);
  });
});
