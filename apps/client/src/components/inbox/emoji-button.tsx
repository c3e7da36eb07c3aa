import { m } from "@nexis/i18n/messages";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { commonEmoji } from "../../lib/emoji.ts";

const columns = 8;
const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };

/**
 * The composer's smiley: opens a small grid of common emoji. Arrow keys move through it, Escape
 * closes it (and only it: the open chat stays open), a pick goes to `onPick`.
 */
export function EmojiButton({ onPick }: { onPick: (emoji: string) => void }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const grid = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    grid.current?.querySelector("button")?.focus();
    // A press anywhere else closes the grid, as menus do.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!grid.current?.contains(target) && !toggle.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
      return;
    }
    const step = moves[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const buttons = [...(grid.current?.querySelectorAll("button") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.max(0, Math.min(buttons.length - 1, at + step))]?.focus();
  };

  return (
    <>
      <button
        ref={toggle}
        type="button"
        className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-label={m.composer_emoji()}
        title={m.composer_emoji()}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="12" cy="12" r="10" />
          <path d="M8 14s1.5 2 4 2 4-2 4-2" />
          <path d="M9 9h.01M15 9h.01" />
        </svg>
      </button>
      {open && (
        <div
          ref={grid}
          id={id}
          role="dialog"
          aria-label={m.composer_emoji()}
          onKeyDown={onKeyDown}
          className="absolute bottom-full left-2 z-10 mb-2 grid grid-cols-8 gap-0.5 rounded-xl bg-white p-2 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
        >
          {commonEmoji.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="flex size-9 items-center justify-center rounded-lg text-xl hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800"
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
