import { m } from "@nexis/i18n/messages";

/**
 * The round ⌄ button over the thread while scrolled up, back to the newest message; with a badge
 * counting the contacts' messages that arrived meanwhile, as WhatsApp shows it.
 */
export function JumpToNewest({ onJump, unseen }: { onJump: () => void; unseen: number }) {
  const label = unseen > 0 ? m.messages_jump_newest_unseen({ count: unseen }) : m.messages_jump_newest();
  return (
    <button
      type="button"
      onClick={onJump}
      aria-label={label}
      title={label}
      className="absolute right-4 bottom-4 z-10 grid size-10 place-items-center rounded-full bg-white text-slate-600 shadow-md ring-1 ring-slate-200 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
    >
      <svg viewBox="0 0 12 12" aria-hidden className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
        <path d="M2.5 4.5L6 8l3.5-3.5" />
      </svg>
      {unseen > 0 && (
        <span aria-hidden className="bg-brand-600 absolute -top-1.5 -right-1.5 min-w-5 rounded-full px-1 text-center text-[11px] leading-5 font-semibold text-white" data-testid="jump-unseen">
          {unseen > 99 ? "99+" : unseen}
        </span>
      )}
    </button>
  );
}
