import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useRef, useState } from "react";
import { toast } from "sonner";
import { nextPendingId } from "../../hooks/use-optimistic-send.ts";
import { useSendMessage } from "../../hooks/use-send-message.ts";
import type { Template } from "../../lib/api-types.ts";
import { insertTemplate, slashQuery } from "../../lib/template-insert.ts";
import { matchTemplates } from "../../lib/template-match.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TemplatePicker } from "./template-picker.tsx";

/** Writes and sends: Enter sends, Shift+Enter breaks the line, `/` opens the template picker. */
export function Composer({ chatId }: { chatId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const send = useSendMessage(chatId);
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const query = slashQuery(text, caret);
  const templates = useQuery(trpc.template.list.queryOptions(undefined, { enabled: query !== null }));
  const matches = query === null ? [] : matchTemplates(templates.data ?? [], query);

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    send.mutate({ text: body, pendingId: nextPendingId() });
    setText("");
    setCaret(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      // With the picker open, Enter takes its first template rather than sending "/…".
      const first = matches[0];
      if (first) void pick(first);
      else submit();
    }
  };

  const pick = async (template: Template) => {
    try {
      const rendered = await queryClient.fetchQuery(trpc.template.render.queryOptions({ id: template.id, chatId }));
      const next = insertTemplate(text, caret, rendered.text);
      setText(next.text);
      setCaret(next.caret);
      requestAnimationFrame(() => textarea.current?.setSelectionRange(next.caret, next.caret));
      if (rendered.missing.length > 0) toast.info(m.templates_missing({ names: rendered.missing.join(", ") }));
    } catch (error) {
      toastApiError(error);
    }
  };

  return (
    <form
      className="relative flex items-end gap-2 border-t border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {query !== null && <TemplatePicker matches={matches} loaded={templates.isSuccess} onPick={(template) => void pick(template)} />}
      <textarea
        ref={textarea}
        aria-label={m.composer_label()}
        placeholder={m.composer_placeholder()}
        rows={1}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        className="max-h-40 min-h-10 flex-1 resize-none rounded-lg bg-slate-100 px-3 py-2 text-sm focus:outline-2 focus:outline-brand-600 dark:bg-slate-800"
      />
      <Button type="submit" disabled={!text.trim()}>
        {m.composer_send()}
      </Button>
    </form>
  );
}
