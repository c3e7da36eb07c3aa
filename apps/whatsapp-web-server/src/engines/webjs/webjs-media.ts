import { MessageMedia, type MessageSendOptions } from "whatsapp-web.js";
import type { MediaFile, SendMediaRequest } from "../../waha/types.ts";

/** A file to send as whatsapp-web.js's `MessageMedia`, which hands files to the page as base64. */
export function toMessageMedia(file: MediaFile): MessageMedia {
  // A view on the same memory, not a copy: files reach 100 MB.
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  return new MessageMedia(file.mimetype, bytes.toString("base64"), file.filename);
}

/**
 * How whatsapp-web.js sends each of WAHA's media kinds: a voice note is audio sent as voice (`ptt`),
 * a file is sent as a document whatever its type (an image from `sendFile` stays a file), images
 * and videos as themselves. `sendSeen: false`, as for texts: WAHA's `sendSeen` marks chats read.
 */
export function mediaSendOptions(request: SendMediaRequest): MessageSendOptions {
  return {
    sendSeen: false,
    sendAudioAsVoice: request.kind === "voice",
    sendMediaAsDocument: request.kind === "file",
    ...(request.caption ? { caption: request.caption } : {}),
    ...(request.reply_to ? { quotedMessageId: request.reply_to } : {}),
  };
}
