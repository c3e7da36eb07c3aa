import { m } from "@nexis/i18n/messages";

/** The small pin and muted-bell marks beside a chat's unread badge. */
export function ChatMarks({ pinned, muted }: { pinned: boolean; muted: boolean }) {
  if (!pinned && !muted) return null;
  return (
    <span className="flex shrink-0 items-center gap-1 text-slate-500 dark:text-slate-400">
      {muted && (
        <svg role="img" aria-label={m.chat_muted()} data-testid="chat-muted" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <title>{m.chat_muted()}</title>
          <path d="M13.7 21a2 2 0 0 1-3.4 0M18.6 13A17.9 17.9 0 0 1 18 8M6.3 6.3A6 6 0 0 0 6 8c0 7-3 9-3 9h14M18 8a6 6 0 0 0-9.3-5M2 2l20 20" />
        </svg>
      )}
      {pinned && (
        <svg role="img" aria-label={m.chat_pinned()} data-testid="chat-pinned" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <title>{m.chat_pinned()}</title>
          <path d="M12 17v5M9 10.8a2 2 0 0 1-1.1 1.8l-1.8.9A2 2 0 0 0 5 15.2V16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-.8a2 2 0 0 0-1.1-1.8l-1.8-.9A2 2 0 0 1 15 10.8V7a1 1 0 0 1 1-1 2 2 0 0 0 0-4H8a2 2 0 0 0 0 4 1 1 0 0 1 1 1z" />
        </svg>
      )}
    </span>
  );
}
