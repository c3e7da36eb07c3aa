import type { RouterInputs, RouterOutputs } from "server/trpc";

// Output shapes come from the API's router, never re-declared (STYLE.md §4).
export type Chat = RouterOutputs["chat"]["list"]["items"][number];
export type ChatListInput = Omit<RouterInputs["chat"]["list"], "cursor">;
export type Message = RouterOutputs["message"]["list"]["items"][number];
export type MessagePage = RouterOutputs["message"]["list"];
export type Account = RouterOutputs["account"]["list"][number];
export type AccountStatus = Account["status"];
export type Tag = RouterOutputs["tag"]["list"][number];
export type Folder = RouterOutputs["folder"]["list"][number];
export type Template = RouterOutputs["template"]["list"][number];
export type SearchResults = RouterOutputs["search"]["inbox"];
