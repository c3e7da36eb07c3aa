import { m } from "@nexis/i18n/messages";
import type { ReactNode } from "react";
import type { useChatActions } from "../../hooks/use-chat-actions.ts";
import type { Chat } from "../../lib/api-types.ts";

function MenuButton({ onClick, shortcut, children }: { onClick: () => void; shortcut: string; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="flex min-h-9 w-full items-center justify-between gap-2 rounded-lg px-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800"
    >
      {children}
      <kbd aria-hidden className="rounded bg-slate-100 px-1.5 font-mono text-[11px] text-slate-500 dark:bg-slate-800 dark:text-slate-400">
        {shortcut}
      </kbd>
    </button>
  );
}

/** Pin, mute, archive and mark unread for the open chat, each naming its keyboard shortcut. */
export function ChatStateButtons({ chat, actions }: { chat: Chat; actions: ReturnType<typeof useChatActions> }) {
  const pinned = chat.pinnedAt !== null;
  return (
    <div className="space-y-0.5">
      <MenuButton shortcut="p" onClick={() => actions.setPinned(!pinned)}>
        {pinned ? m.chat_unpin() : m.chat_pin()}
      </MenuButton>
      <MenuButton shortcut="m" onClick={() => actions.setMuted(!chat.muted)}>
        {chat.muted ? m.chat_unmute() : m.chat_mute()}
      </MenuButton>
      <MenuButton shortcut="e" onClick={() => actions.setArchived(!chat.archived)}>
        {chat.archived ? m.chat_unarchive() : m.chat_archive()}
      </MenuButton>
      <MenuButton shortcut="u" onClick={() => void actions.markUnread()}>
        {m.chat_mark_unread()}
      </MenuButton>
    </div>
  );
}
