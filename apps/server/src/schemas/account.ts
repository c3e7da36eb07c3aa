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
