import { m } from "@nexis/i18n/messages";
import { useRef } from "react";
import { useMediaSend } from "../../hooks/use-media-send.ts";

/** What the file picker offers: the types the API accepts (it checks again). */
const accept = "image/jpeg,image/png,image/webp,image/gif,video/mp4,video/3gpp,video/quicktime,video/webm,audio/*,application/pdf,text/plain,text/csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.zip";

/**
 * The composer's paper clip: pick a file, watch it upload, and it is sent into the chat, with
 * what was typed as its caption (as WhatsApp does).
 */
export function AttachButton(props: { chatId: string; replyToId?: string | undefined; caption?: string; onSent?: () => void }) {
  const { chatId, replyToId, caption, onSent } = props;
  const input = useRef<HTMLInputElement>(null);
  const { send, progress } = useMediaSend(chatId);
  return (
    <>
      <button
        type="button"
        className="flex size-10 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800"
        aria-label={m.composer_attach()}
        title={m.composer_attach()}
        disabled={progress !== null}
        onClick={() => input.current?.click()}
        data-testid="composer-attach"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="m21.44 11.05-9.19 9.19a6 6 0 0 1-8.49-8.49l8.57-8.57A4 4 0 1 1 18 8.84l-8.59 8.57a2 2 0 0 1-2.83-2.83l8.49-8.48" />
        </svg>
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        className="hidden"
        data-testid="composer-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void send(file, { replyToId, caption }).then((sent) => sent && onSent?.());
        }}
      />
      {progress && (
        <div role="status" className="order-first w-full text-xs text-slate-500 dark:text-slate-300" data-testid="upload-progress">
          <span className="block truncate">{m.composer_uploading({ name: progress.name, percent: String(progress.percent) })}</span>
          <progress max={100} value={progress.percent} className="h-1 w-full accent-brand-600" />
        </div>
      )}
    </>
  );
}
