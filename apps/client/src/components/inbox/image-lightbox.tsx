import { m } from "@nexis/i18n/messages";
import { useEffect, useRef } from "react";

/**
 * An image over the whole window; Escape, the backdrop or the close button dismiss it. Tab stays
 * inside while it is open, and focus goes back where it was when it closes.
 */
export function ImageLightbox({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    // Captured first and kept from the inbox's own shortcuts, where Escape closes the chat.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Tab") {
        const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>("a[href], button") ?? [])];
        const first = focusable[0];
        const last = focusable.at(-1);
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last?.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first?.focus();
        }
        return;
      }
      if (event.key !== "Escape") return;
      event.stopImmediatePropagation();
      event.preventDefault();
      onClose();
    };
    window.addEventListener("keydown", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      before?.focus();
    };
  }, [onClose]);
  return (
    <div ref={dialog} role="dialog" aria-modal="true" aria-label={alt} className="fixed inset-0 z-50 flex flex-col bg-black/90 p-3" onClick={onClose} data-testid="media-lightbox">
      <div className="flex justify-end gap-2 text-sm text-white" onClick={(event) => event.stopPropagation()}>
        <a href={src} target="_blank" rel="noopener noreferrer" className="rounded-md px-3 py-1.5 hover:bg-white/10">
          {m.media_open_original()}
        </a>
        <button ref={close} type="button" onClick={onClose} className="rounded-md px-3 py-1.5 hover:bg-white/10">
          {m.media_close()}
        </button>
      </div>
      <img src={src} alt={alt} className="m-auto max-h-[calc(100%-3rem)] max-w-full object-contain" onClick={(event) => event.stopPropagation()} />
    </div>
  );
}
