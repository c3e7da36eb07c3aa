import type { WahaApiClient, WAMessage } from "@nexis/waha-client";
import { sendMediaFile } from "../media/send-media.ts";
import type { MediaStorage } from "../media/storage.ts";
import { contactVcard, type OutboundSend } from "./send-kinds.ts";

/** Where a send goes and the message key it carries (WAHA's `id`: a retry is recognised, not sent twice). */
export interface SendTarget {
  session: string;
  chatId: string;
  key: string;
}

/** The one place that maps a kind of send to its WhatsApp service call. */
export function deliverSend(client: WahaApiClient, target: SendTarget, send: OutboundSend, media?: MediaStorage): Promise<WAMessage> {
  const { session, chatId, key: id } = target;
  const reply = "replyTo" in send && send.replyTo ? { reply_to: send.replyTo } : {};
  switch (send.kind) {
    case "text":
      return client.sendText({ session, chatId, id, text: send.text, ...reply });
    case "location":
      return client.sendLocation({ session, chatId, id, latitude: send.latitude, longitude: send.longitude, title: send.title ?? "", ...reply });
    case "contact":
      return client.sendContactVcard({ session, chatId, id, contacts: [{ vcard: contactVcard(send.name, send.phoneNumber) }], ...reply });
    case "forward":
      return client.forwardMessage({ session, chatId, id, messageId: send.waMessageId });
    case "media":
      return sendMediaFile(client, media, target, send);
  }
}
