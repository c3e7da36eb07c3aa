import { m } from "@nexis/i18n/messages";
import { useState } from "react";
import type { Message } from "../../lib/api-types.ts";
import { formatBytes, mapUrl, mediaUrl, parseVcard } from "../../lib/media.ts";
import { ImageLightbox } from "./image-lightbox.tsx";

const fileTypes = new Set(["image", "video", "audio", "ptt", "voice", "document", "sticker"]);
const card = "mb-1 flex min-w-0 items-center gap-3 rounded-lg bg-black/5 p-2 dark:bg-white/10";
const linkStyle = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-white";

/** Small line icons (emoji are missing from some systems' fonts). */
const iconPaths = {
  document: "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z M14 2v6h6 M8 13h8 M8 17h5",
  pin: "M12 22s7-6.1 7-12a7 7 0 0 0-14 0c0 5.9 7 12 7 12z M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z",
  person: "M20 21a8 8 0 0 0-16 0 M12 13a5 5 0 1 0 0-10 5 5 0 0 0 0 10z",
  warning: "M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z M12 9v4 M12 17h.01",
};

function Icon({ name }: { name: keyof typeof iconPaths }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 shrink-0 text-slate-500 dark:text-slate-300" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d={iconPaths[name]} />
    </svg>
  );
}

/** The text of a bubble, as before media: kept here so a media bubble shows its caption under the file. */
function Body({ text }: { text: string }) {
  return <p className="break-words whitespace-pre-wrap">{text}</p>;
}

/** The file of an image, video, voice or document message, once stored; its state before that. */
function StoredFile({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  const media = message.media;
  const name = media?.filename ?? null;
  if (!message.mediaId) {
    if (media?.status === "unavailable") {
      return (
        <div className={card} role="note" data-testid="media-unavailable">
          <Icon name="warning" />
          <span className="min-w-0">
            <span className="block font-medium">{m.media_unavailable()}</span>
            {media.reason && <span className="block truncate text-xs text-slate-500 dark:text-slate-300" title={media.reason}>{media.reason}</span>}
          </span>
        </div>
      );
    }
    return (
      <div className={`${card} animate-pulse`} aria-busy="true" data-testid="media-loading">
        <span className="text-xs text-slate-500 dark:text-slate-300">{m.media_loading()}</span>
      </div>
    );
  }
  const src = mediaUrl(message.mediaId);
  const mimetype = media?.mimetype ?? "";
  const kind = mimetype.startsWith("image/") ? "image" : mimetype.startsWith("video/") ? "video" : mimetype.startsWith("audio/") ? "audio" : message.type;
  switch (kind) {
    case "image":
    case "sticker":
      return (
        <>
          <button type="button" className="mb-1 block overflow-hidden rounded-lg" onClick={() => setOpen(true)} aria-label={m.media_open_image()}>
            <img src={src} alt={name ?? m.media_image()} loading="lazy" className="max-h-72 w-auto max-w-full object-cover" data-testid="media-image" />
          </button>
          {open && <ImageLightbox src={src} alt={name ?? m.media_image()} onClose={() => setOpen(false)} />}
        </>
      );
    case "video":
      return <video src={src} controls preload="metadata" className="mb-1 max-h-72 w-full max-w-xs rounded-lg bg-black" aria-label={name ?? m.media_video()} data-testid="media-video" />;
    case "audio":
    case "ptt":
    case "voice":
      return <audio src={src} controls preload="metadata" className="mb-1 w-64 max-w-full" aria-label={m.media_voice()} data-testid="media-audio" />;
    default:
      return (
        <div className={card} data-testid="media-document">
          <Icon name="document" />
          <span className="min-w-0 flex-1">
            <span className="block truncate font-medium">{name ?? m.media_document()}</span>
            {media?.size !== undefined && <span className="block text-xs text-slate-500 dark:text-slate-300">{formatBytes(media.size)}</span>}
          </span>
          <a href={src} download={name ?? true} className={`shrink-0 rounded-md px-2 py-1 text-xs ${linkStyle}`}>
            {m.media_download()}
          </a>
        </div>
      );
  }
}

/**
 * A message's content as WhatsApp shows it: the picture (opens large), video, voice note with a
 * player, document with name, size and download, location as a map link, contact card, or the
 * reason a file could not be kept; then the text or caption.
 */
export function MessageMedia({ message }: { message: Message }) {
  const location = message.media?.location;
  if (message.type === "location" || location) {
    return (
      <div className={card} data-testid="media-location">
        <Icon name="pin" />
        <span className="min-w-0">
          <span className="block truncate font-medium">{location?.title ?? message.body ?? m.media_location()}</span>
          {location && (
            <a href={mapUrl(location.latitude, location.longitude)} target="_blank" rel="noopener noreferrer" className={`text-xs ${linkStyle}`}>
              {`${location.latitude.toFixed(5)}, ${location.longitude.toFixed(5)}`} · {m.media_open_map()}
            </a>
          )}
        </span>
      </div>
    );
  }
  if (message.type === "vcard") {
    const contact = message.media?.contact ? { name: message.media.contact.name, phone: message.media.contact.phoneNumber } : parseVcard(message.body);
    return (
      <div className={card} data-testid="media-contact">
        <Icon name="person" />
        <span className="min-w-0">
          <span className="block truncate font-medium">{contact?.name ?? m.media_contact()}</span>
          {contact?.phone && (
            <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} className={`text-xs ${linkStyle}`} aria-label={m.media_call({ phone: contact.phone })}>
              {contact.phone}
            </a>
          )}
        </span>
      </div>
    );
  }
  const hasFile = fileTypes.has(message.type) || message.mediaId !== null || message.media?.url;
  if (!hasFile) return <Body text={message.body ?? m.chat_media()} />;
  return (
    <>
      <StoredFile message={message} />
      {message.body && <Body text={message.body} />}
    </>
  );
}
