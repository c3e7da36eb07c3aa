import { m } from "@nexis/i18n/messages";
import { useState } from "react";
import type { Note } from "../../hooks/use-notes.ts";
import { formatNoteTime } from "../../lib/format-time.ts";

const footerButton = "rounded px-1 font-medium underline underline-offset-2 hover:bg-amber-200 dark:hover:bg-amber-800";

/**
 * One private note: who wrote it and when, and "edited" once changed. Its author can edit it;
 * the author can delete it too (owners and admins as well, server-side).
 */
export function NoteCard({ note, own, onDelete, onEdit }: { note: Note; own: boolean; onDelete: () => void; onEdit: (body: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    const body = draft?.trim();
    if (body && body !== note.body) onEdit(body);
    setDraft(null);
  };
  return (
    <article data-testid="note" className="rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-950 shadow-sm ring-1 ring-amber-200 dark:bg-amber-900/40 dark:text-amber-50 dark:ring-amber-800">
      {draft === null ? (
        <p className="break-words whitespace-pre-wrap">{note.body}</p>
      ) : (
        <textarea
          aria-label={m.notes_edit_label()}
          value={draft}
          maxLength={4000}
          rows={3}
          // Focus lands in the editor the author just opened.
          autoFocus
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) save();
            if (event.key === "Escape") {
              // Leaves the editor, not the notes panel around it.
              event.stopPropagation();
              setDraft(null);
            }
          }}
          className="w-full resize-y rounded border border-amber-300 bg-white/70 p-1 text-sm text-amber-950 focus:outline-2 focus:outline-amber-500 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50"
        />
      )}
      <footer className="mt-1 flex items-center justify-between gap-2 text-[11px] text-amber-900/80 dark:text-amber-200/80">
        <span>
          {own ? m.person_you() : (note.authorName ?? m.notes_former_member())} · <time dateTime={String(note.createdAt)}>{formatNoteTime(note.createdAt)}</time>
          {note.editedAt ? ` · ${m.notes_edited()}` : ""}
        </span>
        {own && draft === null && (
          <span className="flex gap-1">
            <button type="button" onClick={() => setDraft(note.body)} className={footerButton}>
              {m.common_edit()}
            </button>
            <button type="button" onClick={onDelete} className={footerButton}>
              {m.common_delete()}
            </button>
          </span>
        )}
        {own && draft !== null && (
          <span className="flex gap-1">
            <button type="button" onClick={save} disabled={!draft.trim()} className={footerButton}>
              {m.common_save()}
            </button>
            <button type="button" onClick={() => setDraft(null)} className={footerButton}>
              {m.common_cancel()}
            </button>
          </span>
        )}
      </footer>
    </article>
  );
}
