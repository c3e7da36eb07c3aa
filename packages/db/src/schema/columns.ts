import { text, timestamp } from "drizzle-orm/pg-core";
import { organization } from "./auth.ts";

/** A text primary key filled with a random UUID by the database. */
export const id = () => text().primaryKey().$defaultFn(() => crypto.randomUUID());

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
