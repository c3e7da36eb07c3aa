import type { Message } from "./api-types.ts";

/** What a reply shows of the message it answers: who wrote it and a one-line snippet. */
export interface Quote {
  id: string;
  author: string;
  snippet: string;
  /** False when the quoted message is not among the loaded ones (nothing to scroll to). */
  loaded: boolean;
}

export interface QuoteLabels {
  you: string;
  deleted: string;
  media: string;
  missing: string;
}

/** Longest snippet shown in a quote; the bubble's CSS clamps it too. */
export const quoteLength = 120;

/** The text a quote shows for a message: its body on one line, shortened, or what it is. */
export function quoteSnippet(message: Pick<Message, "body" | "deletedAt">, labels: Pick<QuoteLabels, "deleted" | "media">): string {
  if (message.deletedAt) return labels.deleted;
  const text = (message.body ?? "").replace(/\s+/g, " ").trim();
  if (!text) return labels.media;
  return text.length > quoteLength ? `${text.slice(0, quoteLength - 1).trimEnd()}…` : text;
}

/**
 * The quote a reply shows: the original as loaded now (it may have been edited or deleted since),
 * else what WhatsApp quoted when the reply was written (`snapshot`), else a placeholder.
 */
export function buildQuote(
  quotedId: string | null,
  loaded: ReadonlyMap<string, Pick<Message, "id" | "fromMe" | "body" | "deletedAt">>,
  contactName: string,
  labels: QuoteLabels,
  snapshot?: Pick<NonNullable<Message["quoted"]>, "fromMe" | "body"> | null,
): Quote {
  const quoted = quotedId ? loaded.get(quotedId) : undefined;
  if (quoted) return { id: quoted.id, author: quoted.fromMe ? labels.you : contactName, snippet: quoteSnippet(quoted, labels), loaded: true };
  if (snapshot) return { id: quotedId ?? "", author: snapshot.fromMe ? labels.you : contactName, snippet: quoteSnippet({ body: snapshot.body, deletedAt: null }, labels), loaded: false };
  return { id: quotedId ?? "", author: contactName, snippet: labels.missing, loaded: false };
}
