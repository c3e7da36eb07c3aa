import { m } from "@nexis/i18n/messages";

/** What a shortcut does in the inbox. */
export type ShortcutAction = "next" | "previous" | "archive" | "unread" | "pin" | "mute" | "assignMe" | "notes" | "search" | "reply" | "help" | "close";

/** The shortcuts as the help sheet lists them (keys as shown, in the order shown). */
export const shortcutList: { action: ShortcutAction; keys: string[][]; label: () => string }[] = [
  { action: "next", keys: [["j"], ["Alt", "↓"]], label: m.shortcut_next },
  { action: "previous", keys: [["k"], ["Alt", "↑"]], label: m.shortcut_previous },
  { action: "search", keys: [["/"]], label: m.shortcut_search },
  { action: "reply", keys: [["r"]], label: m.shortcut_reply },
  { action: "archive", keys: [["e"]], label: m.shortcut_archive },
  { action: "unread", keys: [["u"]], label: m.shortcut_unread },
  { action: "pin", keys: [["p"]], label: m.shortcut_pin },
  { action: "mute", keys: [["m"]], label: m.shortcut_mute },
  { action: "assignMe", keys: [["a"]], label: m.shortcut_assign_me },
  { action: "notes", keys: [["n"]], label: m.shortcut_notes },
  { action: "help", keys: [["?"]], label: m.shortcut_help },
  { action: "close", keys: [["Esc"]], label: m.shortcut_close },
];

const plainKeys: Record<string, ShortcutAction> = {
  j: "next",
  k: "previous",
  "/": "search",
  r: "reply",
  e: "archive",
  u: "unread",
  p: "pin",
  m: "mute",
  a: "assignMe",
  n: "notes",
  "?": "help",
  Escape: "close",
};

type KeyPress = Pick<KeyboardEvent, "key" | "altKey" | "ctrlKey" | "metaKey">;

/** The inbox action a key press asks for, or null. Ctrl and ⌘ combinations stay the browser's. */
export function shortcutAction(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey) return null;
  if (press.altKey) {
    if (press.key === "ArrowDown") return "next";
    if (press.key === "ArrowUp") return "previous";
    return null;
  }
  return plainKeys[press.key] ?? null;
}

const nonTextInputs = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file"]);

/** Whether the key press lands where the user types (fields, selects, rich text): shortcuts stay out of the way. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("[contenteditable='true']")) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !nonTextInputs.has(target.type);
}

/** The chat `step` places after (or before) the open one in the list's order; the first (or last) when none is open. */
export function adjacentChatId(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current ? ids.indexOf(current) : -1;
  if (index === -1) return step === 1 ? ids[0] : ids.at(-1);
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}
