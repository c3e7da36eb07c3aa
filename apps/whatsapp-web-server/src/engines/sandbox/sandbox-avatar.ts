import { createHash } from "node:crypto";

/** Only letters and digits reach the SVG, so a name can never inject markup. */
function initials(name: string): string {
  const words = name.split(/\s+/).map((word) => [...word.replace(/[^\p{L}\p{N}]/gu, "")][0] ?? "");
  return (words.filter(Boolean).slice(0, 2).join("") || "?").toUpperCase();
}

/**
 * A small generated avatar (initials on a colour derived from the id), as an SVG data URI. A data
 * URI needs no route and no API key, so a browser can show it straight from a WAHA response.
 */
export function avatarDataUri(id: string, name: string): string {
  const hue = createHash("sha256").update(id).digest().readUInt16BE(0) % 360;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" fill="hsl(${hue},55%,45%)"/>` +
    `<text x="48" y="60" font-family="sans-serif" font-size="38" fill="#fff" text-anchor="middle">${initials(name)}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
