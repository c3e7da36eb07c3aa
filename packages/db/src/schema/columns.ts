import { text, timestamp } from "drizzle-orm/pg-core";

/** A text primary key filled with a random UUID by the database. */
export const id = () => text().primaryKey().$defaultFn(() => crypto.randomUUID());

/** The owning workspace (a Better Auth organization). Every tenant table carries it. */
export const workspaceId = () => text().notNull();

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
