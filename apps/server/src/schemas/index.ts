// The input schemas of the API, one home for each shape (STYLE.md §4); the client imports them
// from `server/schemas` for its forms.
export * from "./common.ts";
export * from "./account.ts";
export * from "./workspace.ts";
export * from "./tag.ts";
export * from "./folder.ts";
export * from "./template.ts";
export * from "./member.ts";
export * from "./chat.ts";
export * from "./events.ts";
export * from "./sso.ts";
