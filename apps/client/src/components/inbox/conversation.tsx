import { m } from "@nexis/i18n/messages";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useCurrentUserId } from "../../hooks/use-current-user.ts";
import { useMarkRead } from "../../hooks/use-mark-read.ts";
import { liveRefetchInterval } from "../../hooks/use-live-interval.ts";
import { chatTitle } from "../../lib/chat-display.ts";
import { notesPanel, useToggle } from "../../lib/toggle-store.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { Avatar } from "./avatar.tsx";
import { ChatActions } from "./chat-actions.tsx";
import { ChatMarks } from "./chat-marks.tsx";
import { ChatPresence } from "./chat-presence.tsx";
import { ConversationProvider } from "./conversation-context.tsx";
import { Composer } from "./composer.tsx";
import { MessageThread } from "./message-thread.tsx";
import { NotesPanel } from "./notes-panel.tsx";
import { NotesToggle } from "./notes-toggle.tsx";

/** The right pane: the open chat's header, messages and composer. */
export function Conversation({ chatId }: { chatId: string }) {
  const trpc = useTRPC();
  const chat = useQuery(trpc.chat.get.queryOptions({ id: chatId }, { refetchInterval: liveRefetchInterval }));
  useMarkRead(chatId, chat.data?.unreadCount ?? 0);
  const notesOpen = useToggle(notesPanel);
  const myUserId = useCurrentUserId();

  if (chat.isPending) return <SkeletonRows label={m.messages_loading()} count={3} />;
  if (chat.isError) return <QueryError error={chat.error} onRetry={() => void chat.refetch()} />;
  const title = chatTitle(chat.data);
  return (
    <ConversationProvider chatId={chatId} contactName={title}>
      <div className="flex min-h-0 min-w-0 flex-1 flex-col" data-testid="conversation">
        <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
          <Link to="/inbox" search={(previous) => ({ ...previous, chatId: undefined })} aria-label={m.chat_back()} className="rounded-lg px-2 py-1 text-xl lg:hidden">
            ←
          </Link>
          <Avatar name={title} />
          <div className="min-w-0 flex-1">
            <div className="flex min-w-0 items-center gap-2">
              <h2 className="truncate font-semibold">{title}</h2>
              <ChatMarks pinned={chat.data.pinnedAt !== null} muted={chat.data.muted} />
            </div>
            <ChatPresence accountId={chat.data.accountId} waChatId={chat.data.waChatId}>
              {chat.data.contact?.phoneNumber && <p className="truncate text-xs text-slate-500">{chat.data.contact.phoneNumber}</p>}
            </ChatPresence>
          </div>
          <NotesToggle chatId={chatId} />
          <ChatActions chat={chat.data} />
        </header>
        <div className="relative flex min-h-0 flex-1">
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <MessageThread chatId={chatId} />
            <Composer chatId={chatId} />
          </div>
          {notesOpen && <NotesPanel chatId={chatId} myUserId={myUserId} onClose={() => notesPanel.set(false)} />}
        </div>
      </div>
    </ConversationProvider>
  );
}
