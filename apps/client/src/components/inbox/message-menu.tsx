import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { useEffect, useRef, useState } from "react";
import { useMessageActions } from "../../hooks/use-message-actions.ts";
import type { Message } from "../../lib/api-types.ts";
import { nextReaction, quickReactions } from "../../lib/reactions.ts";

interface MessageMenuProps {
  message: Message;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onReply: () => void;
  onEdit: () => void;
}

const item = "block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100 focus-visible:bg-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800";

/**
 * A bubble's menu (its ⌄ button on hover or focus, or a long press): reply, a quick reaction,
 * and for our own messages edit and delete for everyone, which asks first.
 */
export function MessageMenu({ message, open, onOpenChange, onReply, onEdit }: MessageMenuProps) {
  const { react, revoke } = useMessageActions(message.chatId);
  const [confirming, setConfirming] = useState(false);
  const [upward, setUpward] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const own = message.fromMe && !message.id.startsWith("optimistic-");
  const close = (refocus = true) => {
    onOpenChange(false);
    setConfirming(false);
    if (refocus) trigger.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    // Open toward the side with more room in the thread, so the composer never covers the menu.
    const bubble = root.current?.parentElement?.getBoundingClientRect();
    const thread = root.current?.closest("[data-testid=message-thread]")?.getBoundingClientRect();
    if (bubble && thread) setUpward(thread.bottom - bubble.bottom < bubble.top - thread.top && thread.bottom - bubble.top < 300);
    root.current?.querySelector<HTMLElement>("[role=menu] button")?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebinds only when the menu opens or closes
  }, [open]);

  const choose = (run: () => void) => () => {
    close(false);
    run();
  };

  return (
    <div
      ref={root}
      // Unpositioned: the button and the menu are placed against the bubble, so the menu opens
      // from the bubble's own edge and stays on screen at 390 px.
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        aria-label={m.message_options()}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => (open ? close() : onOpenChange(true))}
        className={classNames(
          "absolute top-0.5 right-0.5 z-10 grid size-6 place-items-center rounded-full bg-inherit text-slate-500 opacity-0 group-hover:opacity-100 focus-visible:opacity-100 dark:text-slate-300",
          open && "opacity-100",
        )}
      >
        <svg viewBox="0 0 12 12" aria-hidden className="size-3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="M2.5 4.5L6 8l3.5-3.5" />
        </svg>
      </button>
      {open && (
        <div
          role="menu"
          aria-label={m.message_options()}
          className={classNames(
            "absolute z-20 w-56 max-w-[calc(100vw-2rem)] rounded-xl bg-white p-1 text-slate-900 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700",
            message.fromMe ? "right-0" : "left-0",
            upward ? "bottom-full mb-1" : "top-7",
          )}
        >
          {confirming ? (
            <div className="space-y-2 p-2">
              <p className="text-sm">{m.message_delete_confirm()}</p>
              <div className="flex justify-end gap-2">
                <button type="button" role="menuitem" className="rounded-lg px-3 py-1.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800" onClick={() => setConfirming(false)}>
                  {m.common_cancel()}
                </button>
                <button type="button" role="menuitem" className="rounded-lg bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700" onClick={choose(() => revoke.mutate({ id: message.id }))}>
                  {m.message_delete_everyone()}
                </button>
              </div>
            </div>
          ) : (
            <>
              <div role="group" aria-label={m.message_react()} className="flex justify-between gap-0.5 border-b border-slate-100 px-1 pb-1 dark:border-slate-800">
                {quickReactions.map((emoji) => (
                  <button
                    key={emoji}
                    type="button"
                    role="menuitem"
                    aria-label={m.message_react_with({ emoji })}
                    aria-pressed={message.reactions.me === emoji}
                    onClick={choose(() => react.mutate({ id: message.id, emoji: nextReaction(message.reactions, emoji) }))}
                    className="grid size-8 place-items-center rounded-full text-lg hover:bg-slate-100 aria-pressed:bg-brand-100 dark:hover:bg-slate-800 dark:aria-pressed:bg-brand-900"
                  >
                    {emoji}
                  </button>
                ))}
              </div>
              <button type="button" role="menuitem" className={item} onClick={choose(onReply)}>
                {m.message_reply()}
              </button>
              {own && !message.media && (
                <button type="button" role="menuitem" className={item} onClick={choose(onEdit)}>
                  {m.message_edit()}
                </button>
              )}
              {own && (
                <button type="button" role="menuitem" className={classNames(item, "text-red-700 dark:text-red-400")} onClick={() => setConfirming(true)}>
                  {m.message_delete_everyone()}
                </button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
