/**
 * Pure helpers about the WhatsApp service's OpenAPI tags, safe in client components (no fs).
 */

/** The tag the WhatsApp service gives the routes it adds to WAHA's API. */
export const extensionTag = "NexisChat extension";

/** Tag names carry emoji in WAHA's document ("🖥️ Sessions"): URLs keep only letters and digits. */
export function slugifyTag(name: string): string {
  return (
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "other"
  );
}

/** A tag's name for people: "🖥️ Sessions" reads "Sessions" (emoji do not render everywhere). */
export function tagTitle(name: string): string {
  return name.replace(/[^\p{L}\p{N}\s.,'()-]/gu, "").trim() || name;
}

/** A tag's description as plain text: WAHA's carry `<br>` markup. */
export function tagDescription(description: string | undefined): string | undefined {
  return description?.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() || undefined;
}
