import { describe, expect, it } from "vitest";
import { adjacentChatId, isTypingTarget, shortcutAction, shortcutList } from "./shortcuts.ts";

const press = (key: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe("shortcutAction", () => {
  it("reads the inbox's keys", () => {
    expect(shortcutAction(press("j"))).toBe("next");
    expect(shortcutAction(press("ArrowDown", { altKey: true }))).toBe("next");
    expect(shortcutAction(press("ArrowUp", { altKey: true }))).toBe("previous");
    expect(shortcutAction(press("e"))).toBe("archive");
    expect(shortcutAction(press("?"))).toBe("help");
    expect(shortcutAction(press("/"))).toBe("search");
    expect(shortcutAction(press("Escape"))).toBe("close");
  });

  it("leaves Ctrl and ⌘ combinations, capitals and other keys to the browser", () => {
    expect(shortcutAction(press("e", { ctrlKey: true }))).toBeNull();
    expect(shortcutAction(press("k", { metaKey: true }))).toBeNull();
    expect(shortcutAction(press("E"))).toBeNull();
    expect(shortcutAction(press("ArrowDown"))).toBeNull();
    expect(shortcutAction(press("x"))).toBeNull();
  });

  it("lists every action it reads in the help sheet", () => {
    const listed = new Set(shortcutList.map((shortcut) => shortcut.action));
    for (const key of ["j", "k", "/", "r", "e", "u", "p", "m", "a", "n", "?", "Escape"]) expect(listed.has(shortcutAction(press(key)) ?? "next")).toBe(true);
  });
});

describe("isTypingTarget", () => {
  it("is true in text fields, selects and rich text, false on buttons and checkboxes", () => {
    const input = document.createElement("input");
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(document.createElement("select"))).toBe(true);
    expect(isTypingTarget(editable)).toBe(true);
    expect(isTypingTarget(checkbox)).toBe(false);
    expect(isTypingTarget(document.createElement("button"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe("adjacentChatId", () => {
  it("moves through the list and stops at its ends", () => {
    const ids = ["a", "b", "c"];
    expect(adjacentChatId(ids, "a", 1)).toBe("b");
    expect(adjacentChatId(ids, "b", -1)).toBe("a");
    expect(adjacentChatId(ids, "c", 1)).toBe("c");
    expect(adjacentChatId(ids, undefined, 1)).toBe("a");
    expect(adjacentChatId(ids, undefined, -1)).toBe("c");
    expect(adjacentChatId([], "a", 1)).toBeUndefined();
  });
});
