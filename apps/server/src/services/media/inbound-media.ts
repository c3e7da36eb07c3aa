import type { MessageMedia } from "@nexis/db/schema";
import type { MessagePayload } from "../whatsapp/webhook-payloads.ts";

/**
 * What an inbound message's `media` column keeps: WAHA's file descriptor (url, type, name) for
 * the download, or a location's coordinates for the map link; null for anything else.
 */
export function inboundMedia(payload: Pick<MessagePayload, "hasMedia" | "media" | "location">): MessageMedia | null {
  if (payload.hasMedia && payload.media) return payload.media;
  if (payload.location) {
    const latitude = Number(payload.location.latitude);
    const longitude = Number(payload.location.longitude);
    if (Number.isFinite(latitude) && Number.isFinite(longitude)) return { location: { latitude, longitude, title: null } };
  }
  return null;
}
