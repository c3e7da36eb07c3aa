import { m } from "@nexis/i18n/messages";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { SearchResults as Results } from "../../lib/api-types.ts";
import { formatListTime } from "../../lib/format-time.ts";
import { EmptyState } from "../common/empty-state.tsx";
import { Avatar } from "./avatar.tsx";
import { SearchSnippet } from "./search-snippet.tsx";

/** A WhatsApp id as the number people know (`5511…@c.us` → `+5511…`); names pass through. */
function readableName(name: string | null, waChatId?: string): string {
  const value = name ?? waChatId ?? "";
  const user = /^(\d+)@c\.us$/.exec(value)?.[1];
  return user ? `+${user}` : value.replace(/@.*$/, "");
}

const row = "flex gap-3 border-b border-slate-100 px-3 py-2.5 hover:bg-slate-50 focus-visible:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60";

function Group({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="bg-slate-50 px-3 py-1.5 text-xs font-semibold tracking-wide text-brand-700 uppercase dark:bg-slate-900 dark:text-brand-400">
        {title} <span className="text-slate-500">({count})</span>
      </h2>
      <ul>{children}</ul>
    </section>
  );
}

/** The search's hits in two groups: chats (by name or number), then messages with marked snippets. */
export function SearchResults({ results, query }: { results: Results; query: string }) {
  if (results.chats.length === 0 && results.messages.length === 0) {
    return <EmptyState title={m.search_empty({ query })} hint={m.search_empty_hint()} />;
  }
  return (
    <div data-testid="search-results">
      {results.chats.length > 0 && (
        <Group title={m.search_chats()} count={results.chats.length}>
          {results.chats.map((chat) => {
            const name = readableName(chat.name, chat.waChatId);
            return (
              <li key={chat.chatId}>
                <Link to="/inbox" search={(previous) => ({ ...previous, chatId: chat.chatId, messageId: undefined })} className={row} data-testid="search-chat">
                  <Avatar name={name} />
                  <span className="min-w-0 self-center">
                    <span className="block truncate font-medium">{name}</span>
                    <span className="block truncate text-xs text-slate-500">{readableName(null, chat.waChatId)}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </Group>
      )}
      {results.messages.length > 0 && (
        <Group title={m.search_messages()} count={results.messages.length}>
          {results.messages.map((hit) => (
            <li key={hit.messageId}>
              <Link
                to="/inbox"
                search={(previous) => ({ ...previous, chatId: hit.chatId, messageId: hit.messageId })}
                className={row}
                data-testid="search-message"
              >
                <span className="min-w-0 flex-1">
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="truncate font-medium">{readableName(hit.chatName)}</span>
                    <span className="shrink-0 text-xs text-slate-500">{formatListTime(new Date(hit.timestamp * 1000))}</span>
                  </span>
                  <span className="line-clamp-2 text-sm text-slate-600 dark:text-slate-400">
                    {hit.fromMe && <span className="font-medium">{m.chat_you()}</span>}
                    <SearchSnippet parts={hit.snippet} />
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </Group>
      )}
    </div>
  );
}
