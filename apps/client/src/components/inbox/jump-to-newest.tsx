import { m } from "@nexis/i18n/messages";

/** The round ⌄ button over the thread while scrolled up, back to the newest message. */
export function JumpToNewest({ onJump }: { onJump: () => void }) {
  return (
    <button
      type="button"
      onClick={onJump}
      aria-label={m.messages_jump_newest()}
      title={m.messages_jump_newest()}
      className="absolute right-4 bottom-4 z-10 grid size-10 place-items-center rounded-full bg-white text-slate-600 shadow-md ring-1 ring-slate-200 hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700"
    >
      <svg viewBox="0 0 12 12" aria-hidden className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
        <path d="M2.5 4.5L6 8l3.5-3.5" />
      </svg>
    </button>
  );
}
