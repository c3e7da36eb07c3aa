import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { Link } from "@tanstack/react-router";
import type { Chat } from "../../lib/api-types.ts";
import { chatTitle } from "../../lib/chat-display.ts";
import { formatListTime } from "../../lib/format-time.ts";
import { systemLineText } from "../../lib/system-line.ts";
import { useAssigneeName } from "../../hooks/use-assignee-name.ts";
import { AckTicks } from "./ack-ticks.tsx";
import { Avatar } from "./avatar.tsx";
import { ChatMarks } from "./chat-marks.tsx";
import { TagChip } from "./tag-chip.tsx";

/** One row of the chat list: avatar, name, last message, time, unread badge, pinned and muted marks, tags and assignee. */
export function ChatListItem({ chat, active }: { chat: Chat; active: boolean }) {
  const title = chatTitle(chat);
  const assignee = useAssigneeName(chat.assigneeUserId);
  const last = chat.lastMessage;
  const preview = last ? (last.deleted ? m.message_deleted() : last.type === "system" ? systemLineText(last) : (last.body ?? m.chat_media())) : "";
  return (
    <Link
      to="/inbox"
      search={(previous) => ({ ...previous, chatId: chat.id, messageId: undefined })}
      data-testid="chat-item"
      data-chat-id={chat.id}
      aria-current={active ? "true" : undefined}
      className={classNames(
        "flex gap-3 border-b border-slate-100 px-3 py-3 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/60",
        active && "bg-brand-50 dark:bg-slate-800",
      )}
    >
      <Avatar name={title} />
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex items-baseline justify-between gap-2">
          <span className="truncate font-medium">{title}</span>
          <span className={classNames("shrink-0 text-xs", chat.unreadCount > 0 ? "text-brand-700 dark:text-brand-400" : "text-slate-500")}>
            {formatListTime(chat.lastMessageAt)}
          </span>
        </div>
        <div className="flex items-center justify-between gap-2">
          <span className="flex min-w-0 items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
            {last?.fromMe && <AckTicks ack={last.ack} />}
            <span className="truncate">{preview}</span>
          </span>
          <ChatMarks pinned={chat.pinnedAt !== null} muted={chat.muted} />
          {chat.unreadCount > 0 && (
            <span aria-label={m.chats_unread({ count: String(chat.unreadCount) })} className="grid min-w-5 place-items-center rounded-full bg-brand-500 px-1.5 text-xs font-semibold text-white">
              {chat.unreadCount}
            </span>
          )}
        </div>
        {(chat.tags.length > 0 || assignee) && (
          <div className="flex flex-wrap items-center gap-1">
            {chat.tags.map((tag) => (
              <TagChip key={tag.id} name={tag.name} color={tag.color} />
            ))}
            {assignee && (
              <span className="ml-auto truncate text-[11px] text-slate-500 dark:text-slate-400" data-testid="chat-assignee">
                {m.chat_assigned_to({ name: assignee })}
              </span>
            )}
          </div>
        )}
      </div>
    </Link>
  );
}
