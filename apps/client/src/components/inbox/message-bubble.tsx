import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import type { Message } from "../../lib/api-types.ts";
import { formatMessageTime } from "../../lib/format-time.ts";
import { AckTicks } from "./ack-ticks.tsx";
import { RetrySendButton } from "./retry-send-button.tsx";

/** Reactions, when the API includes them on a message (`{ who: emoji }`). */
function reactionsOf(message: Message): string[] {
  const reactions = (message as { reactions?: Record<string, string> }).reactions;
  return reactions ? Object.values(reactions).filter(Boolean) : [];
}

/** One message as WhatsApp draws it: own messages right and green, time and ticks in the corner. */
export function MessageBubble({ message }: { message: Message }) {
  const deleted = message.deletedAt !== null;
  const reactions = reactionsOf(message);
  return (
    <div className={classNames("flex", message.fromMe ? "justify-end" : "justify-start")} data-testid="message">
      <div
        className={classNames(
          "relative max-w-[85%] rounded-xl px-3 py-1.5 text-sm shadow-sm sm:max-w-[70%]",
          message.fromMe ? "bg-[#d9fdd3] text-slate-900 dark:bg-[#005c4b] dark:text-slate-50" : "bg-white dark:bg-slate-800",
          reactions.length > 0 && "mb-3",
        )}
      >
        {deleted ? (
          <p className="italic text-slate-500 dark:text-slate-400">{m.message_deleted()}</p>
        ) : (
          <p className="break-words whitespace-pre-wrap">{message.body ?? m.chat_media()}</p>
        )}
        <p className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-slate-500 dark:text-slate-300/80">
          {message.editedAt && !deleted && <span>{m.message_edited()}</span>}
          <span>{formatMessageTime(message.timestamp)}</span>
          {message.fromMe && <AckTicks ack={message.ack} />}
        </p>
        {message.fromMe && message.ack < 0 && !message.id.startsWith("optimistic-") && <RetrySendButton messageId={message.id} chatId={message.chatId} />}
        {reactions.length > 0 && (
          <span className="absolute -bottom-3 left-2 rounded-full bg-white px-1.5 text-xs shadow dark:bg-slate-700">{reactions.join("")}</span>
        )}
      </div>
    </div>
  );
}
