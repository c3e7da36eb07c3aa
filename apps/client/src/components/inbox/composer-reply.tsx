import { m } from "@nexis/i18n/messages";
import type { Message } from "../../lib/api-types.ts";
import { buildQuote } from "../../lib/message-quote.ts";
import { useConversation } from "./conversation-context.tsx";
import { ReplyPreview } from "./reply-preview.tsx";
import { scrollToMessage } from "../../lib/scroll-to-message.ts";

/** Above the composer while writing a reply: the quoted message, with a cancel. */
export function ComposerReply({ message, onCancel }: { message: Message; onCancel: () => void }) {
  const conversation = useConversation();
  const quote = buildQuote(message.id, new Map([[message.id, message]]), conversation?.contactName ?? "", {
    you: m.message_you(),
    deleted: m.message_deleted(),
    media: m.chat_media(),
    missing: m.message_quote_missing(),
  });
  return (
    <div className="w-full" role="group" aria-label={m.message_replying_to({ name: quote.author })}>
      <ReplyPreview quote={quote} onOpen={() => scrollToMessage(message.id)} onCancel={onCancel} />
    </div>
  );
}
