import "server-only";
import { cookies } from "next/headers";

/**
 * Copies the Better Auth session cookies of an API answer onto the portal's response. Cookies
 * belong to a host, not a port, so on one host the client app and the portal share the session.
 */
export async function copySessionCookies(response: Response): Promise<void> {
  const jar = await cookies();
  for (const header of response.headers.getSetCookie()) {
    const [pair = "", ...attributes] = header.split(";").map((part) => part.trim());
    const separator = pair.indexOf("=");
    if (separator <= 0) continue;
    const name = pair.slice(0, separator);
    const value = decodeURIComponent(pair.slice(separator + 1));
    const attribute = (key: string) => attributes.find((entry) => entry.toLowerCase().startsWith(`${key}=`))?.split("=")[1];
    const maxAge = Number(attribute("max-age"));
    jar.set(name, value, {
      httpOnly: attributes.some((entry) => entry.toLowerCase() === "httponly"),
      secure: attributes.some((entry) => entry.toLowerCase() === "secure"),
      sameSite: "lax",
      path: attribute("path") ?? "/",
      ...(Number.isFinite(maxAge) ? { maxAge } : {}),
    });
  }
}

/** Forgets the session cookies on this host (after the API has ended the session). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (cookie.name.includes("better-auth")) jar.delete(cookie.name);
  }
}
