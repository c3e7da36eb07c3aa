import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { nextPendingId } from "../../hooks/use-optimistic-send.ts";
import { useSendMessage } from "../../hooks/use-send-message.ts";
import type { Template } from "../../lib/api-types.ts";
import { insertAtSelection } from "../../lib/emoji.ts";
import { insertTemplate, slashQuery } from "../../lib/template-insert.ts";
import { matchTemplates } from "../../lib/template-match.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { useConversation } from "./conversation-context.tsx";
import { ComposerReply } from "./composer-reply.tsx";
import { AttachButton } from "./attach-button.tsx";
import { EmojiButton } from "./emoji-button.tsx";
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
  const conversation = useConversation();
  const replyTo = conversation?.replyTo ?? null;
  // Picking "Reply" on a bubble puts the caret here, ready to write the answer.
  useEffect(() => {
    if (replyTo) textarea.current?.focus();
  }, [replyTo]);

  const submit = () => {
    const body = text.trim();
    if (!body) return;
    send.mutate({ text: body, pendingId: nextPendingId(), replyToId: replyTo?.id });
    conversation?.setReplyTo(null);
    setText("");
    setCaret(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape" && replyTo && query === null) {
      // Escape drops the reply first; the inbox's own Escape (closing the chat) must not see it.
      event.preventDefault();
      event.stopPropagation();
      conversation?.setReplyTo(null);
    }
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      // With the picker open, Enter takes its first template rather than sending "/…".
      const first = matches[0];
      if (first) void pick(first);
      else submit();
    }
  };

  // The textarea keeps its selection while the emoji grid has focus: the emoji replaces it.
  const insertEmoji = (emoji: string) => {
    const field = textarea.current;
    const next = insertAtSelection(text, field?.selectionStart ?? caret, field?.selectionEnd ?? caret, emoji);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(next.caret, next.caret);
    });
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
      className="relative flex flex-wrap items-end gap-2 border-t border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {replyTo && <ComposerReply message={replyTo} onCancel={() => conversation?.setReplyTo(null)} />}
      {query !== null && <TemplatePicker matches={matches} loaded={templates.isSuccess} onPick={(template) => void pick(template)} />}
      <AttachButton chatId={chatId} replyToId={replyTo?.id} caption={text.trim()} onSent={() => { conversation?.setReplyTo(null); setText(""); }} />
      <EmojiButton onPick={insertEmoji} />
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
