import { m } from "@nexis/i18n/messages";
import { editMessageSchema } from "server/schemas";
import { type FormEvent, useState } from "react";
import { useMessageActions } from "../../hooks/use-message-actions.ts";
import type { Message } from "../../lib/api-types.ts";

/** Edits one of our messages in place: Enter saves (`message.edit`), Escape cancels. */
export function MessageEditForm({ message, onDone }: { message: Message; onDone: () => void }) {
  const { edit } = useMessageActions(message.chatId);
  const [text, setText] = useState(message.body ?? "");
  const parsed = editMessageSchema.safeParse({ id: message.id, text });
  const unchanged = text.trim() === (message.body ?? "").trim();

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!parsed.success || unchanged) return onDone();
    edit.mutate(parsed.data, { onSuccess: onDone });
  };

  return (
    <form onSubmit={save} className="min-w-56 space-y-1">
      <textarea
        aria-label={m.message_edit_label()}
        value={text}
        autoFocus
        rows={Math.min(6, Math.max(2, text.split("\n").length))}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.stopPropagation();
            onDone();
          } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) save(event);
        }}
        className="w-full resize-none rounded-md bg-white/70 px-2 py-1 text-sm text-slate-900 focus:outline-2 focus:outline-brand-600 dark:bg-slate-900/60 dark:text-slate-50"
      />
      <div className="flex justify-end gap-1 text-xs">
        <button type="button" onClick={onDone} className="rounded-md px-2 py-1 hover:bg-black/5 dark:hover:bg-white/10">
          {m.common_cancel()}
        </button>
        <button type="submit" disabled={!parsed.success || edit.isPending} className="rounded-md bg-brand-600 px-2 py-1 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {m.message_edit_save()}
        </button>
      </div>
    </form>
  );
}
