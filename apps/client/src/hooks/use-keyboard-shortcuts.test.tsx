import { renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts.ts";

function press(key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe("useKeyboardShortcuts", () => {
  afterEach(() => document.body.replaceChildren());

  it("runs the shortcut's handler and keeps the key from doing anything else", () => {
    const archive = vi.fn();
    renderHook(() => useKeyboardShortcuts({ archive }));
    const event = press("e");
    expect(archive).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
    expect(press("x").defaultPrevented).toBe(false);
  });

  it("ignores keys typed in a field, inside a dialog, with Ctrl, or already handled", () => {
    const archive = vi.fn();
    const next = vi.fn();
    renderHook(() => useKeyboardShortcuts({ archive, next }));
    const textarea = document.body.appendChild(document.createElement("textarea"));
    const dialog = document.body.appendChild(document.createElement("dialog"));
    const inDialog = dialog.appendChild(document.createElement("button"));
    press("e", textarea);
    press("j", inDialog);
    press("e", document.body, { ctrlKey: true });
    const handled = new KeyboardEvent("keydown", { key: "j", bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(archive).not.toHaveBeenCalled();
    expect(next).not.toHaveBeenCalled();
  });

  it("calls the latest handlers and stops listening when unmounted", () => {
    const first = vi.fn();
    const second = vi.fn();
    const { rerender, unmount } = renderHook(({ pin }) => useKeyboardShortcuts({ pin }), { initialProps: { pin: first } });
    rerender({ pin: second });
    press("p");
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
    unmount();
    press("p");
    expect(second).toHaveBeenCalledOnce();
  });
});
