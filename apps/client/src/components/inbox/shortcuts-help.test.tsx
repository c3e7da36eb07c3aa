import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { shortcutList } from "../../lib/shortcuts.ts";
import { ShortcutsHelp } from "./shortcuts-help.tsx";

describe("ShortcutsHelp", () => {
  afterEach(cleanup);

  it("is a modal dialog named by its title that lists every shortcut", () => {
    const onClose = vi.fn();
    const { rerender } = render(<ShortcutsHelp open={false} onClose={onClose} />);
    expect(screen.queryByRole("dialog")).toBeNull();
    rerender(<ShortcutsHelp open onClose={onClose} />);
    const dialog = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    for (const shortcut of shortcutList) expect(screen.getByText(shortcut.label())).toBeTruthy();
    expect(dialog.querySelectorAll("kbd").length).toBeGreaterThanOrEqual(shortcutList.length);
  });

  it("closes with its button and reports it", () => {
    const onClose = vi.fn();
    render(<ShortcutsHelp open onClose={onClose} />);
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(onClose).toHaveBeenCalled();
  });
});
