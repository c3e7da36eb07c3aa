import { createContext, type ReactNode, useContext, useMemo, useState } from "react";
import type { Message } from "../../lib/api-types.ts";

/** The open conversation's shared state: who the contact is and which message a reply quotes. */
export interface ConversationState {
  chatId: string;
  contactName: string;
  replyTo: Message | null;
  setReplyTo: (message: Message | null) => void;
}

const ConversationContext = createContext<ConversationState | null>(null);

export function ConversationProvider({ chatId, contactName, children }: { chatId: string; contactName: string; children: ReactNode }) {
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const value = useMemo(() => ({ chatId, contactName, replyTo, setReplyTo }), [chatId, contactName, replyTo]);
  return <ConversationContext value={value}>{children}</ConversationContext>;
}

/** The open conversation's state; `null` outside one (a bubble rendered alone, e.g. in a test). */
export function useConversation(): ConversationState | null {
  return useContext(ConversationContext);
}
