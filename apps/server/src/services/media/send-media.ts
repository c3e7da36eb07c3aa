import type { QuotedMessage } from "@nexis/db/schema";
import { type WahaApiClient, WahaError, type WahaSchemas, type WAMessage } from "@nexis/waha-client";
import { mediaCategory } from "./limits.ts";
import type { MediaStorage } from "./storage.ts";

/** An agent's uploaded file to send, as the outbox keeps it (the bytes stay in storage). */
export interface MediaSend {
  kind: "media";
  mediaId: string;
  storageKey: string;
  mimetype: string;
  filename: string | null;
  size: number;
  caption: string | null;
  replyTo: string | null;
  /** What the reply quotes, stored with the message (see `compose-send.ts`). */
  quoted?: QuotedMessage | null;
}

/** `message.type` for a file, in the words the webhook ingest uses. */
export function mediaMessageType(mimetype: string): "image" | "video" | "audio" | "document" {
  const category = mediaCategory(mimetype);
  return category === "image" || category === "video" || category === "audio" ? category : "document";
}

/** WhatsApp plays Opus in Ogg as a voice note; anything else the service converts first. */
const voiceReady = /^audio\/(ogg|opus)\b/;

/**
 * Sends a stored file through the WhatsApp service: its bytes (base64) with the call for its kind
 * (image, video, voice note, or document). A file missing from storage fails the send for good.
 */
export async function sendMediaFile(
  client: WahaApiClient,
  storage: MediaStorage | undefined,
  target: { session: string; chatId: string; key: string },
  send: MediaSend,
): Promise<WAMessage> {
  const stream = storage ? await storage.get(send.storageKey) : null;
  if (!stream) throw new WahaError("sendMedia: the file is no longer stored", "sendMedia", false);
  const data = Buffer.from(await new Response(stream).arrayBuffer()).toString("base64");
  const file = { mimetype: send.mimetype, data, ...(send.filename ? { filename: send.filename } : {}) };
  const common = { session: target.session, chatId: target.chatId, id: target.key, ...(send.replyTo ? { reply_to: send.replyTo } : {}) };
  const caption = send.caption ? { caption: send.caption } : {};
  switch (mediaMessageType(send.mimetype)) {
    case "image": {
      const body: WahaSchemas["MessageImageRequest"] = { ...common, file, ...caption };
      return client.sendImage(body);
    }
    case "video": {
      // WAHA's document types the video and voice files' fields as empty objects; the shape is the image's.
      const body: WahaSchemas["MessageVideoRequest"] = { ...common, file: file as unknown as WahaSchemas["MessageVideoRequest"]["file"], ...caption, convert: false, asNote: false };
      return client.sendVideo(body);
    }
    case "audio": {
      const body: WahaSchemas["MessageVoiceRequest"] = { ...common, file: file as unknown as WahaSchemas["MessageVoiceRequest"]["file"], convert: !voiceReady.test(send.mimetype) };
      return client.sendVoice(body);
    }
    default: {
      const body: WahaSchemas["MessageFileRequest"] = { ...common, file, ...caption };
      return client.sendFile(body);
    }
  }
}
