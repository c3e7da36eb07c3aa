import { bigint, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id, workspaceId } from "./columns.ts";

/**
 * A stored media file (an inbound message's download or an agent's upload), owned by one
 * workspace. The bytes live in the media storage (filesystem or S3) under `storageKey`, which is
 * derived from the workspace and row ids only, never from a user-given name.
 */
export const media = pgTable(
  "media",
  {
    id: id(),
    workspaceId: workspaceId(),
    storageKey: text().notNull().unique(),
    mimetype: text().notNull(),
    /** The name to offer on download; display only, never a path. */
    filename: text(),
    size: bigint({ mode: "number" }).notNull(),
    /** Hex SHA-256 of the bytes. */
    sha256: text().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("media_workspace_idx").on(table.workspaceId)],
);

/**
 * Storage keys of deleted media rows whose bytes are still to be removed. A trigger on `media`
 * fills it, however a row goes (an unsent upload swept, a workspace deleted with its rows), in the
 * same transaction; the media sweeper deletes the bytes, then the entry, so a crash between the
 * two only means a retry.
 */
export const mediaTrash = pgTable("media_trash", {
  storageKey: text().primaryKey(),
  deletedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** What `message.media` holds: the file WhatsApp described, and how far our copy of it got. */
export interface MessageMedia {
  /** The WhatsApp service's URL for the file (inbound only). */
  url?: string | null;
  mimetype?: string | null;
  filename?: string | null;
  /** `pending` until stored; `ready` with `message.mediaId`; `unavailable` with a reason. */
  status?: "pending" | "ready" | "unavailable";
  size?: number;
  reason?: string;
  /** A location message's place (outbound sends store it here). */
  location?: { latitude: number; longitude: number; title?: string | null };
  /** A contact card's person (outbound sends store it here; the vCard is the body). */
  contact?: { name: string; phoneNumber: string };
}
