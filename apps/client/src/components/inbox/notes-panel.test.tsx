import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test-support/fake-api.tsx";
import { NotesPanel } from "./notes-panel.tsx";

const chatId = "00000000-0000-4000-8000-000000000001";
const me = "user-me";

function setup(initial: { id: string; body: string; authorUserId: string; authorName: string }[]) {
  let notes = initial.map((note) => ({ ...note, chatId, createdAt: "2026-01-01T12:00:00.000Z", editedAt: null as string | null }));
  const api = fakeApi({
    "note.list": () => notes,
    "note.create": (input) => {
      const { body } = input as { body: string };
      const note = { id: `n${notes.length + 1}`, chatId, body, authorUserId: me, authorName: "Me", createdAt: new Date().toISOString(), editedAt: null };
      notes = [...notes, note];
      return note;
    },
    "note.update": (input) => {
      const { id, body } = input as { id: string; body: string };
      notes = notes.map((note) => (note.id === id ? { ...note, body, editedAt: new Date().toISOString() } : note));
      return notes.find((note) => note.id === id);
    },
    "note.delete": (input) => {
      const { id } = input as { id: string };
      notes = notes.filter((note) => note.id !== id);
      return { id, chatId };
    },
  });
  const onClose = vi.fn();
  render(<NotesPanel chatId={chatId} myUserId={me} onClose={onClose} />, { wrapper: api.wrapper });
  return { api, onClose };
}

describe("NotesPanel", () => {
  afterEach(cleanup);

  it("says what notes are for when there are none, and adds one", async () => {
    const { api } = setup([]);
    expect(await screen.findByText("No notes yet")).toBeTruthy();
    expect(screen.getByText(/only your team sees these/i)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("New private note"), { target: { value: "Promised a refund by Friday" } });
    fireEvent.click(screen.getByRole("button", { name: "Add note" }));
    expect(await screen.findByText("Promised a refund by Friday")).toBeTruthy();
    expect(api.calls).toContainEqual({ path: "note.create", input: { chatId, body: "Promised a refund by Friday" } });
    expect((screen.getByLabelText("New private note") as HTMLTextAreaElement).value).toBe("");
  });

  it("lets the author delete their own notes only", async () => {
    const { api } = setup([
      { id: "n1", body: "Mine", authorUserId: me, authorName: "Me" },
      { id: "n2", body: "Theirs", authorUserId: "user-other", authorName: "Bruno" },
    ]);
    const notes = await screen.findAllByTestId("note");
    expect(within(notes[1] as HTMLElement).queryByRole("button", { name: "Delete" })).toBeNull();
    expect(within(notes[1] as HTMLElement).getByText(/Bruno/)).toBeTruthy();
    fireEvent.click(within(notes[0] as HTMLElement).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("Mine")).toBeNull());
    expect(api.calls).toContainEqual({ path: "note.delete", input: { id: "n1" } });
  });

  it("lets the author edit their own note, which then shows as edited", async () => {
    const { api } = setup([
      { id: "n1", body: "Call at 3", authorUserId: me, authorName: "Me" },
      { id: "n2", body: "Theirs", authorUserId: "user-other", authorName: "Bruno" },
    ]);
    const notes = await screen.findAllByTestId("note");
    expect(within(notes[1] as HTMLElement).queryByRole("button", { name: "Edit" })).toBeNull();
    fireEvent.click(within(notes[0] as HTMLElement).getByRole("button", { name: "Edit" }));
    fireEvent.change(screen.getByLabelText("Edit note"), { target: { value: "Call at 4" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Call at 4")).toBeTruthy();
    expect(api.calls).toContainEqual({ path: "note.update", input: { id: "n1", body: "Call at 4" } });
    expect(await screen.findByText(/edited/)).toBeTruthy();
  });

  it("closes on Escape", async () => {
    const { onClose } = setup([]);
    fireEvent.keyDown(await screen.findByLabelText("New private note"), { key: "Escape" });
    expect(onClose).toHaveBeenCalled();
  });
});
