import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { useQuery } from "@tanstack/react-query";
import { notesPanel, useToggle } from "../../lib/toggle-store.ts";
import { useTRPC } from "../../lib/trpc.ts";

/** Opens and closes the chat's private notes, with how many there are. */
export function NotesToggle({ chatId }: { chatId: string }) {
  const trpc = useTRPC();
  const open = useToggle(notesPanel);
  const count = useQuery(trpc.note.list.queryOptions({ chatId }, { select: (notes) => notes.length })).data ?? 0;
  return (
    <button
      type="button"
      aria-pressed={open}
      aria-keyshortcuts="n"
      onClick={() => notesPanel.toggle()}
      data-testid="notes-toggle"
      className={classNames(
        "flex items-center gap-1 rounded-lg px-2 py-2 text-sm font-medium hover:bg-amber-100 dark:hover:bg-slate-800",
        open && "bg-amber-100 text-amber-950 dark:bg-amber-900/50 dark:text-amber-50",
      )}
    >
      {m.notes_title()}
      {count > 0 && <span className="rounded-full bg-amber-300 px-1.5 text-xs text-amber-950">{count}</span>}
    </button>
  );
}
