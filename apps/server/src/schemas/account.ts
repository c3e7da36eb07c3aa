import { z } from "zod";
import { byIdSchema, idSchema, nameSchema } from "./common.ts";

/** A phone number as people type it: digits with an optional +, spaces, dashes, parentheses. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{4,30}$/, "A phone number: digits, optionally starting with +");

export const getAccountSchema = byIdSchema;

export const addAccountSchema = z.object({ name: nameSchema(80), phoneNumber: phoneNumberSchema.optional() });
export type AddAccountInput = z.infer<typeof addAccountSchema>;

export const renameAccountSchema = z.object({ id: idSchema, name: nameSchema(80) });
export type RenameAccountInput = z.infer<typeof renameAccountSchema>;

export const removeAccountSchema = byIdSchema;

/** A pairing code instead of a QR: the phone number to link, as on the phone (digits, optional +). */
export const requestCodeSchema = z.object({ id: idSchema, phoneNumber: phoneNumberSchema });
export type RequestCodeInput = z.infer<typeof requestCodeSchema>;

export const accountByIdSchema = byIdSchema;

/** How fast a number may send: 1–60 messages a minute, or null for the server default. */
export const sendRateSchema = z.number().int("A whole number of messages per minute").min(1, "At least 1 message per minute").max(60, "At most 60 messages per minute");
export const setSendRateSchema = z.object({ id: idSchema, messagesPerMinute: sendRateSchema.nullable() });
export type SetSendRateInput = z.infer<typeof setSendRateSchema>;
