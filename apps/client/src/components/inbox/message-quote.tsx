import { m } from "@nexis/i18n/messages";
import { useQueryClient } from "@tanstack/react-query";
import type { Message } from "../../lib/api-types.ts";
import { buildQuote } from "../../lib/message-quote.ts";
import type { MessagePages } from "../../lib/optimistic-messages.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useConversation } from "./conversation-context.tsx";
import { ReplyPreview } from "./reply-preview.tsx";
import { scrollToMessage } from "../../lib/scroll-to-message.ts";

/** Above a reply's text: the quoted message, as loaded now or as WhatsApp quoted it. */
export function MessageQuote({ message }: { message: Message }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const conversation = useConversation();
  const { replyToId, quoted } = message;
  if (!replyToId && !quoted) return null;
  const pages = queryClient.getQueryData<MessagePages>(trpc.message.list.infiniteQueryKey({ chatId: message.chatId }));
  const loaded = new Map((pages?.pages ?? []).flatMap((page) => page.items).map((item) => [item.id, item] as const));
  const quote = buildQuote(replyToId, loaded, conversation?.contactName ?? "", {
    you: m.message_you(),
    deleted: m.message_deleted(),
    media: m.chat_media(),
    missing: m.message_quote_missing(),
  }, quoted);
  return (
    <div className="mb-1">
      <ReplyPreview quote={quote} onOpen={() => scrollToMessage(quote.id)} />
    </div>
  );
}
