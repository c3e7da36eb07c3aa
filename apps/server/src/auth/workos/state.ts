import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** How long a sign-in may take between leaving for WorkOS and coming back. */
export const stateTtlMs = 10 * 60 * 1000;

interface StatePayload {
  /** Also in the browser's HttpOnly nonce cookie: a state is only good in the browser that started it. */
  nonce: string;
  /** Where the client goes after signing in: a path of the client, checked by `safeReturnPath`. */
  returnTo: string;
  expiresAt: number;
}

/**
 * The OAuth `state`: its payload and an HMAC over it with the server's secret, so it cannot be
 * forged or edited (the return path included), and it carries its own expiry.
 */
export function signState(secret: string, params: { returnTo: string; now?: number }): { state: string; nonce: string } {
  const nonce = randomBytes(24).toString("base64url");
  const payload: StatePayload = { nonce, returnTo: params.returnTo, expiresAt: (params.now ?? Date.now()) + stateTtlMs };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return { state: `${body}.${mac(secret, body)}`, nonce };
}

/** The payload of a state this server signed, unexpired and matching the browser's nonce; null otherwise. */
export function verifyState(secret: string, state: string | undefined, nonceCookie: string | null | undefined, now = Date.now()): StatePayload | null {
  if (!state || !nonceCookie || state.length > 2048) return null;
  const [body, signature, extra] = state.split(".");
  if (!body || !signature || extra !== undefined || !sameText(signature, mac(secret, body))) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!isPayload(payload) || payload.expiresAt < now || !sameText(payload.nonce, nonceCookie)) return null;
  return { ...payload, returnTo: safeReturnPath(payload.returnTo) };
}

/**
 * Only a path of the client (the same rule as the client's `safeRedirect`): never another origin
 * (`//evil`, `/\evil`, `https://…`) and no control characters, so a sign-in cannot end elsewhere.
 */
export function safeReturnPath(target: string | undefined, fallback = "/inbox"): string {
  if (!target || target.length > 1024 || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(target)) return fallback;
  return target;
}

function mac(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`workos-sso-state:${body}`).digest("base64url");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function isPayload(value: unknown): value is StatePayload {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.nonce === "string" && typeof record.returnTo === "string" && typeof record.expiresAt === "number";
}
