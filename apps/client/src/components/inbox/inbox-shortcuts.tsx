import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useChatActions } from "../../hooks/use-chat-actions.ts";
import { useCurrentUserId } from "../../hooks/use-current-user.ts";
import { useKeyboardShortcuts } from "../../hooks/use-keyboard-shortcuts.ts";
import { notesPanel, shortcutsHelp, useToggle } from "../../lib/toggle-store.ts";
import { adjacentChatId } from "../../lib/shortcuts.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { focusInboxSearch } from "./search-box.tsx";
import { ShortcutsHelp } from "./shortcuts-help.tsx";

/** The chat ids in the order the chat list shows them (pinned first), read from the page itself. */
function listedChatIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>("[data-chat-id]")].map((element) => element.dataset.chatId ?? "").filter(Boolean);
}

function focusComposer() {
  document.querySelector<HTMLTextAreaElement>("[data-testid='conversation'] form textarea")?.focus();
}

/** The inbox's keyboard: moving between chats, search, the `?` sheet, and the open chat's actions. */
export function InboxShortcuts({ chatId }: { chatId: string | undefined }) {
  const navigate = useNavigate();
  const helpOpen = useToggle(shortcutsHelp);
  const open = (id: string | undefined) => {
    if (!id) return;
    void navigate({ to: "/inbox", search: (previous) => ({ ...previous, chatId: id }) });
    document.querySelector(`[data-chat-id="${id}"]`)?.scrollIntoView({ block: "nearest" });
  };
  useKeyboardShortcuts({
    next: () => open(adjacentChatId(listedChatIds(), chatId, 1)),
    previous: () => open(adjacentChatId(listedChatIds(), chatId, -1)),
    search: () => void focusInboxSearch(),
    help: () => shortcutsHelp.set(true),
  });
  return (
    <>
      {chatId && <OpenChatShortcuts key={chatId} chatId={chatId} />}
      <ShortcutsHelp open={helpOpen} onClose={() => shortcutsHelp.set(false)} />
    </>
  );
}

/** Shortcuts that act on the open chat. */
function OpenChatShortcuts({ chatId }: { chatId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const chat = useQuery(trpc.chat.get.queryOptions({ id: chatId })).data;
  const myUserId = useCurrentUserId();
  const actions = useChatActions(chatId, myUserId);
  useKeyboardShortcuts(
    chat
      ? {
          archive: () => actions.setArchived(!chat.archived),
          unread: () => void actions.markUnread(),
          pin: () => actions.setPinned(chat.pinnedAt === null),
          mute: () => actions.setMuted(!chat.muted),
          assignMe: () => actions.assign(myUserId),
          notes: () => notesPanel.toggle(),
          reply: focusComposer,
          close: () => void navigate({ to: "/inbox", search: (previous) => ({ ...previous, chatId: undefined }) }),
        }
      : {},
  );
  return null;
}
