import { z } from "zod";

/** A row id (UUIDs everywhere, including Better Auth's rows). */
export const idSchema = z.uuid();

export const byIdSchema = z.object({ id: idSchema });
export type ByIdInput = z.infer<typeof byIdSchema>;

/* eslint-disable no-control-regex -- these patterns exist to refuse control characters */
// Postgres text cannot hold NUL, and control characters in a name are never intended.
const controlCharacters = /[\u0000-\u001f\u007f]/;
const nul = /\u0000/;
/* eslint-enable no-control-regex */
// A lone UTF-16 surrogate cannot be stored as UTF-8 (it would silently become U+FFFD).
const loneSurrogate = /[\ud800-\udfff]/u;

/** A one-line display name: trimmed, 1 to `max` characters, no control characters. */
export const nameSchema = (max = 100) =>
  z
    .string()
    .trim()
    .min(1, "Required")
    .max(max, `At most ${max} characters`)
    .refine((value) => !controlCharacters.test(value), "Must not contain control characters")
    .refine((value) => !loneSurrogate.test(value), "Must be valid Unicode");

/** Multi-line text (newlines and tabs allowed, NUL not). */
export const longTextSchema = (max: number) =>
  z
    .string()
    .min(1, "Required")
    .max(max, `At most ${max} characters`)
    .refine((value) => !nul.test(value), "Must not contain NUL characters")
    .refine((value) => !loneSurrogate.test(value), "Must be valid Unicode");
