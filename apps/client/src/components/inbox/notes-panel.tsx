import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useId, useState } from "react";
import { useNotes } from "../../hooks/use-notes.ts";
import { EmptyState } from "../common/empty-state.tsx";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { NoteCard } from "./note-card.tsx";

/**
 * The chat's private notes, in yellow like sticky notes so they never pass for messages: the
 * team sees them, the contact never does. Ctrl/⌘+Enter adds one.
 */
export function NotesPanel({ chatId, myUserId, onClose }: { chatId: string; myUserId: string; onClose: () => void }) {
  const { notes, create, update, remove } = useNotes(chatId);
  const [body, setBody] = useState("");
  const headingId = useId();
  const submit = () => {
    const text = body.trim();
    if (!text) return;
    create.mutate({ chatId, body: text }, { onSuccess: () => setBody("") });
  };

  return (
    <section
      aria-labelledby={headingId}
      data-testid="notes-panel"
      className="absolute inset-0 z-20 flex flex-col bg-amber-50 lg:static lg:w-80 lg:shrink-0 lg:border-l lg:border-amber-200 dark:bg-slate-900 dark:lg:border-amber-900/60"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.stopPropagation();
        onClose();
      }}
    >
      <header className="flex items-start justify-between gap-2 border-b border-amber-200 px-3 py-2 dark:border-amber-900/60">
        <div>
          <h3 id={headingId} className="font-semibold">
            {m.notes_title()}
          </h3>
          <p className="text-xs text-amber-900 dark:text-amber-200">{m.notes_private_hint()}</p>
        </div>
        <button type="button" onClick={onClose} aria-label={m.notes_close()} className="rounded-lg px-2 py-1 text-lg hover:bg-amber-100 dark:hover:bg-slate-800">
          ×
        </button>
      </header>
      <div className="min-h-0 flex-1 space-y-2 overflow-y-auto p-3">
        {notes.isPending && <SkeletonRows label={m.notes_loading()} count={2} />}
        {notes.isError && <QueryError error={notes.error} onRetry={() => void notes.refetch()} />}
        {notes.data?.length === 0 && <EmptyState title={m.notes_empty()} hint={m.notes_empty_hint()} />}
        {notes.data?.map((note) => (
          <NoteCard
            key={note.id}
            note={note}
            own={note.authorUserId === myUserId}
            onDelete={() => remove.mutate({ id: note.id })}
            onEdit={(body) => update.mutate({ id: note.id, body })}
          />
        ))}
      </div>
      <form
        className="space-y-2 border-t border-amber-200 p-3 dark:border-amber-900/60"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="sr-only" htmlFor={`${headingId}-body`}>
          {m.notes_add_label()}
        </label>
        <textarea
          id={`${headingId}-body`}
          value={body}
          rows={2}
          maxLength={4000}
          placeholder={m.notes_placeholder()}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
          className="block max-h-40 min-h-16 w-full resize-y rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-amber-300 focus:outline-2 focus:outline-amber-500 dark:bg-slate-800 dark:ring-amber-900"
        />
        <Button type="submit" className="w-full" disabled={!body.trim() || create.isPending}>
          {m.notes_add()}
        </Button>
      </form>
    </section>
  );
}
