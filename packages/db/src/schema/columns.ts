import { text, timestamp } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import { organization } from "./auth.ts";

/**
 * A new row id: a UUIDv7, which sorts by creation (monotonic within this process), so rows that
 * tie on another key (messages in the same WhatsApp second) keep the order they arrived in.
 */
export const newId = (): string => uuidv7();

/** A text primary key filled with `newId`. */
export const id = () => text().primaryKey().$defaultFn(newId);

/** The owning workspace (a Better Auth organization); its rows go when the workspace is deleted. */
export const workspaceId = () =>
  text()
    .notNull()
    .references(() => organization.id, { onDelete: "cascade" });

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
