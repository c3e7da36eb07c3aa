import { useEffect, useRef } from "react";
import { isTypingTarget, type ShortcutAction, shortcutAction } from "../lib/shortcuts.ts";

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/**
 * Runs the handler of each inbox shortcut pressed on the page, except while the user types in a
 * field or works in a dialog, and never for a key something else already handled.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isTypingTarget(event.target)) return;
      if (event.target instanceof Element && event.target.closest("dialog")) return;
      const action = shortcutAction(event);
      const handler = action ? current.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
