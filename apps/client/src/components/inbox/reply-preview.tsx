import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import type { Quote } from "../../lib/message-quote.ts";

/**
 * A quoted message: above a reply's text in its bubble (a button that scrolls to the original),
 * or above the composer while writing a reply (with a cancel).
 */
export function ReplyPreview({ quote, onOpen, onCancel }: { quote: Quote; onOpen?: () => void; onCancel?: () => void }) {
  const body = (
    <>
      <span className="block truncate text-xs font-semibold text-brand-700 dark:text-brand-400">{quote.author}</span>
      <span className="line-clamp-2 text-xs break-words text-slate-600 dark:text-slate-300">{quote.snippet}</span>
    </>
  );
  const frame = "min-w-0 flex-1 rounded-md border-l-4 border-brand-500 bg-black/5 px-2 py-1 text-left dark:bg-white/10";
  return (
    <div className="flex items-start gap-2" data-testid="reply-preview">
      {onOpen && quote.loaded ? (
        <button type="button" onClick={onOpen} aria-label={`${m.message_quote_open()}: ${quote.author}, ${quote.snippet}`} className={classNames(frame, "hover:bg-black/10")}>
          {body}
        </button>
      ) : (
        <div className={frame}>{body}</div>
      )}
      {onCancel && (
        <button type="button" onClick={onCancel} aria-label={m.message_cancel_reply()} className="grid size-8 shrink-0 place-items-center rounded-full text-lg text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700">
          ×
        </button>
      )}
    </div>
  );
}
