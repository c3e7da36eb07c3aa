import type { QuotedMessage } from "@nexis/db/schema";
import type { OutboundJobPayload, OutboundMessageRow } from "@nexis/db/queries/outbound";
import { type MediaSend, mediaMessageType } from "../media/send-media.ts";

/**
 * What the outbound queue can send, by `kind`, as stored in the outbox row. Templates are
 * rendered before they are queued, so they travel as `text`. To add a kind: one more member
 * here, its stored row in `storedRow`, its WhatsApp call in `deliver-send.ts`.
 */
export type OutboundSend =
  | ({ kind: "text"; text: string } & Reply)
  | ({ kind: "location"; latitude: number; longitude: number; title: string | null } & Reply)
  | ({ kind: "contact"; name: string; phoneNumber: string } & Reply)
  /** `waMessageId`: the message to forward, as WhatsApp names it (same number). */
  | { kind: "forward"; waMessageId: string }
  | MediaSend;

/** A reply: WhatsApp's id of the quoted message (for the send) and what it said (for the inbox). */
export interface Reply {
  replyTo: string | null;
  quoted?: QuotedMessage | null;
}

export type OutboundJob = OutboundJobPayload<OutboundSend>;

/** The contact card as WhatsApp carries it (vCard 3.0), also the stored body, as inbound cards are. */
export function contactVcard(name: string, phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/g, "");
  const escaped = name.replace(/[\\,;]/g, (character) => `\\${character}`);
  return ["BEGIN:VCARD", "VERSION:3.0", `FN:${escaped}`, `TEL;type=CELL;type=VOICE;waid=${digits}:+${digits}`, "END:VCARD"].join("\n");
}

/**
 * How the pending message row shows a send (the inbox renders it before WhatsApp confirms), in
 * the words the webhook ingest uses for the same kinds of message (`location`, `vcard`).
 */
export function storedRow(send: OutboundSend, forwarded?: OutboundMessageRow): OutboundMessageRow {
  return { ...rowFor(send, forwarded), quoted: "quoted" in send ? (send.quoted ?? null) : null };
}

function rowFor(send: OutboundSend, forwarded?: OutboundMessageRow): OutboundMessageRow {
  switch (send.kind) {
    case "text":
      return { type: "chat", body: send.text, media: null };
    case "location":
      return { type: "location", body: send.title, media: { location: { latitude: send.latitude, longitude: send.longitude, title: send.title } } };
    case "contact":
      return { type: "vcard", body: contactVcard(send.name, send.phoneNumber), media: { contact: { name: send.name, phoneNumber: send.phoneNumber } } };
    case "forward":
      // The copy points at the same stored file: the inbox shows it at once, nothing is stored twice.
      return { type: forwarded?.type ?? "chat", body: forwarded?.body ?? null, media: forwarded?.media ?? null, mediaId: forwarded?.mediaId ?? null };
    case "media":
      return { type: mediaMessageType(send.mimetype), body: send.caption, media: { mimetype: send.mimetype, filename: send.filename, size: send.size, status: "ready" }, mediaId: send.mediaId };
  }
}

/**
 * An outbox payload as a job, including rows queued before sends had kinds (text only, with
 * `text` and `replyTo` beside the address).
 */
export function readJob(payload: unknown): OutboundJob {
  const job = payload as OutboundJob & { text?: string; replyTo?: string | null };
  if (job.send) return job;
  return { ...job, send: { kind: "text", text: job.text ?? "", replyTo: job.replyTo ?? null } };
}
