import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeApi } from "../../test-support/fake-api.tsx";
import { Composer } from "./composer.tsx";

const chatId = "00000000-0000-4000-8000-000000000001";

function setup() {
  const api = fakeApi({
    "message.send": (input) => ({ id: "m1", ...(input as object) }),
    "chat.list": () => ({ items: [], nextCursor: null }),
    "message.list": () => ({ items: [], nextCursor: null }),
  });
  render(<Composer chatId={chatId} />, { wrapper: api.wrapper });
  const field = screen.getByLabelText("Message") as HTMLTextAreaElement;
  return { api, field };
}

const sent = (api: ReturnType<typeof fakeApi>) => api.calls.filter((call) => call.path === "message.send").map((call) => (call.input as { text: string }).text);

describe("Composer emoji", () => {
  afterEach(cleanup);

  it("inserts the picked emoji at the caret and closes the grid", async () => {
    const { field } = setup();
    fireEvent.change(field, { target: { value: "Thanks a lot" } });
    field.setSelectionRange(6, 6);
    const toggle = screen.getByRole("button", { name: "Insert emoji" });
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const grid = screen.getByRole("dialog", { name: "Insert emoji" });
    expect(grid.querySelectorAll("button")).toHaveLength(40);
    fireEvent.click(screen.getByRole("button", { name: "🙏" }));
    expect(field.value).toBe("Thanks🙏 a lot");
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(field.selectionStart).toBe(8));
  });

  it("replaces selected text with the emoji", () => {
    const { field } = setup();
    fireEvent.change(field, { target: { value: "I love it" } });
    field.setSelectionRange(2, 6);
    fireEvent.click(screen.getByRole("button", { name: "Insert emoji" }));
    fireEvent.click(screen.getByRole("button", { name: "❤️" }));
    expect(field.value).toBe("I ❤️ it");
  });

  it("closes on Escape without the key reaching the inbox, and returns focus to its button", () => {
    setup();
    let inboxSawEscape = false;
    const onKey = (event: KeyboardEvent) => void (event.key === "Escape" && (inboxSawEscape = true));
    document.addEventListener("keydown", onKey);
    const toggle = screen.getByRole("button", { name: "Insert emoji" });
    fireEvent.click(toggle);
    const first = screen.getByRole("button", { name: "😀" });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: "ArrowRight" });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "😂" }));
    fireEvent.keyDown(document.activeElement as Element, { key: "Escape" });
    document.removeEventListener("keydown", onKey);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(inboxSawEscape).toBe(false);
    expect(document.activeElement).toBe(toggle);
  });

  it("keeps Enter to send and Shift+Enter for a new line, with emoji in the text", async () => {
    const { api, field } = setup();
    fireEvent.change(field, { target: { value: "On its way " } });
    field.setSelectionRange(11, 11);
    fireEvent.click(screen.getByRole("button", { name: "Insert emoji" }));
    fireEvent.click(screen.getByRole("button", { name: "🚚" }));
    fireEvent.keyDown(field, { key: "Enter", shiftKey: true });
    expect(sent(api)).toEqual([]);
    fireEvent.keyDown(field, { key: "Enter" });
    await waitFor(() => expect(sent(api)).toEqual(["On its way 🚚"]));
    expect(field.value).toBe("");
  });

  it("still has the attach button beside it", () => {
    setup();
    expect(screen.getByRole("button", { name: "Attach a file" })).toBeTruthy();
  });
});
