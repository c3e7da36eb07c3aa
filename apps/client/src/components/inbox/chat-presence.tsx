import { m } from "@nexis/i18n/messages";
import type { ReactNode } from "react";
import { usePresence } from "../../hooks/use-presence.ts";

/** Under the chat's name: "typing…" while the contact types, otherwise what `children` shows. */
export function ChatPresence({ accountId, waChatId, children }: { accountId: string; waChatId: string; children?: ReactNode }) {
  const presence = usePresence(accountId, waChatId);
  if (!presence) return children;
  return (
    <p role="status" className="truncate text-xs font-medium text-brand-700 dark:text-brand-400" data-testid="chat-presence">
      {presence === "recording" ? m.chat_recording() : m.chat_typing()}
    </p>
  );
}
