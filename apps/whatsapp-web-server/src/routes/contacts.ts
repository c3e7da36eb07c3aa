import { Elysia } from "elysia";
import { z } from "zod";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName, sessionNameSchema } from "../sessions/session-schemas.ts";
import { chatIdSchema } from "./chatting-schemas.ts";
import { decodeSegment } from "./messages.ts";

/** WAHA takes a contact as `11111111111@c.us` or as the bare number. */
const contactIdSchema = z.union([z.string().regex(/^\d{5,20}$/).transform((digits) => `${digits}@c.us`), chatIdSchema], {
  error: "contactId must look like 11111111111@c.us or 11111111111",
});

const contactQuerySchema = z.object({ session: sessionNameSchema, contactId: contactIdSchema });

/** Shared by `GET /api/contacts/all` and `GET /api/{session}/groups`. */
export const listQueryShape = {
  sortBy: z.enum(["id", "name"]).optional(),
  sortOrder: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(1_000).default(1_000),
  offset: z.coerce.number().int().min(0).default(0),
};

/** WAHA's `ContactRequest` (block, unblock). */
const contactRequestSchema = z.object({ session: sessionNameSchema.default("default"), contactId: contactIdSchema });

/** WAHA's `ContactUpdateBody`. */
const contactUpdateSchema = z.object({ firstName: z.string().trim().min(1).max(100), lastName: z.string().trim().max(100) });

const allQuerySchema = z.object({ session: sessionNameSchema, ...listQueryShape });

const checkExistsQuerySchema = z.object({
  session: sessionNameSchema,
  phone: z.string().regex(/^\+?[\d\s()-]{5,30}$/, "phone must be a phone number"),
});

/** WAHA's contacts routes (`ContactsController`): the address book, lookups, names and blocks. */
export function contactRoutes(sessions: SessionManager) {
  return new Elysia({ name: "contacts" })
    .get("/api/contacts/all", ({ query }) => {
      const { session, ...list } = parseInput(allQuerySchema, query);
      return sessions.engine(session).getContacts(list);
    })
    .get("/api/contacts", ({ query }) => {
      const input = parseInput(contactQuerySchema, query);
      return sessions.engine(input.session).getContact(input.contactId);
    })
    .get("/api/contacts/check-exists", ({ query }) => {
      const input = parseInput(checkExistsQuerySchema, query);
      return sessions.engine(input.session).checkNumber(input.phone);
    })
    .get("/api/contacts/profile-picture", ({ query }) => {
      // `refresh` asks WAHA to bypass its cache; sandbox pictures never change.
      const input = parseInput(contactQuerySchema, query);
      return sessions.engine(input.session).getProfilePicture(input.contactId);
    })
    .get("/api/contacts/about", ({ query }) => {
      const input = parseInput(contactQuerySchema, query);
      return sessions.engine(input.session).getAbout(input.contactId);
    })
    .post("/api/contacts/block", async ({ body, set }) => {
      const input = parseInput(contactRequestSchema, body);
      await sessions.engine(input.session).setContactBlocked(input.contactId, true);
      set.status = 201;
      return {};
    })
    .post("/api/contacts/unblock", async ({ body, set }) => {
      const input = parseInput(contactRequestSchema, body);
      await sessions.engine(input.session).setContactBlocked(input.contactId, false);
      set.status = 201;
      return {};
    })
    .get("/api/:session/contacts/:id", ({ params }) => {
      const session = parseSessionName(params.session);
      const contactId = parseInput(contactIdSchema, decodeSegment(params.id));
      return sessions.engine(session).getContact(contactId);
    })
    .put("/api/:session/contacts/:chatId", async ({ params, body }) => {
      const session = parseSessionName(params.session);
      const contactId = parseInput(contactIdSchema, decodeSegment(params.chatId));
      const input = parseInput(contactUpdateSchema, body);
      await sessions.engine(session).setContactName(contactId, input.firstName, input.lastName);
      return { success: true };
    });
}
