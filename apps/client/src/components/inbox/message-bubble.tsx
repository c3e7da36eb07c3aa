import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { useRef, useState } from "react";
import { useMessageActions } from "../../hooks/use-message-actions.ts";
import type { Message } from "../../lib/api-types.ts";
import { formatMessageTime } from "../../lib/format-time.ts";
import { nextReaction } from "../../lib/reactions.ts";
import { AckTicks } from "./ack-ticks.tsx";
import { useConversation } from "./conversation-context.tsx";
import { MessageEditForm } from "./message-edit-form.tsx";
import { MessageMenu } from "./message-menu.tsx";
import { MessageMedia } from "./message-media.tsx";
import { MessageQuote } from "./message-quote.tsx";
import { ReactionsBar } from "./reactions-bar.tsx";
import { RetrySendButton } from "./retry-send-button.tsx";

/** A touch held this long opens the bubble's menu, as WhatsApp's long press does. */
const longPressMs = 450;

/**
 * One message as WhatsApp draws it: own messages right and green, time and ticks in the corner,
 * the quoted message above a reply, reactions below; a menu to reply, react, edit and delete.
 */
export function MessageBubble({ message }: { message: Message }) {
  const conversation = useConversation();
  const { react } = useMessageActions(message.chatId);
  const [menuOpen, setMenuOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const pressTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const deleted = message.deletedAt !== null;
  const pending = message.id.startsWith("optimistic-");
  const actionable = !deleted && !pending && conversation !== null;
  const cancelPress = () => clearTimeout(pressTimer.current);

  return (
    <div
      id={`message-${message.id}`}
      className={classNames("group flex flex-col rounded-xl transition-colors data-flash:bg-brand-500/20", message.fromMe ? "items-end" : "items-start")}
      data-testid="message"
      data-message-id={message.id}
    >
      <div
        className={classNames(
          "relative max-w-[85%] rounded-xl px-3 py-1.5 text-sm shadow-sm sm:max-w-[70%]",
          message.fromMe ? "bg-[#d9fdd3] text-slate-900 dark:bg-[#005c4b] dark:text-slate-50" : "bg-white dark:bg-slate-800",
          actionable && "pr-7",
        )}
        onContextMenu={(event) => {
          if (!actionable) return;
          event.preventDefault();
          setMenuOpen(true);
        }}
        onTouchStart={() => {
          if (actionable) pressTimer.current = setTimeout(() => setMenuOpen(true), longPressMs);
        }}
        onTouchEnd={cancelPress}
        onTouchMove={cancelPress}
      >
        {actionable && (
          <MessageMenu message={message} open={menuOpen} onOpenChange={setMenuOpen} onReply={() => conversation.setReplyTo(message)} onEdit={() => setEditing(true)} />
        )}
        {!deleted && <MessageQuote message={message} />}
        {deleted ? (
          <p className="text-slate-500 italic dark:text-slate-400">{m.message_deleted()}</p>
        ) : editing ? (
          <MessageEditForm message={message} onDone={() => setEditing(false)} />
        ) : (
          <MessageMedia message={message} />
        )}
        <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500 dark:text-slate-300/80">
          {message.editedAt && !deleted && <span data-testid="message-edited">{m.message_edited()}</span>}
          <span>{formatMessageTime(message.timestamp)}</span>
          {message.fromMe && <AckTicks ack={message.ack} />}
        </p>
        {message.fromMe && message.ack < 0 && !pending && <RetrySendButton messageId={message.id} chatId={message.chatId} />}
      </div>
      {!deleted && (
        <ReactionsBar
          reactions={message.reactions}
          onToggle={actionable ? (emoji) => react.mutate({ id: message.id, emoji: nextReaction(message.reactions, emoji) }) : undefined}
        />
      )}
    </div>
  );
}
