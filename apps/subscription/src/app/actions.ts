"use server";

import type { Route } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { env } from "~/env";
import { clearSessionCookies, copySessionCookies } from "~/lib/session";
import { apiAsVisitor, trpcErrorCode } from "~/lib/trpc";

// Where a form may send the visitor back to: the portal's own pages only.
const localPath = z.enum(["/billing", "/pricing"]);

const signInSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(128),
  next: localPath.catch("/billing"),
});

/** Signs in through the API's Better Auth route and keeps its session cookie on this host. */
export async function signIn(formData: FormData) {
  const input = signInSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) redirect("/sign-in?error=failed");
  let response: Response | null = null;
  try {
    response = await fetch(`${env.SERVER_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.SUBSCRIPTION_URL },
      body: JSON.stringify({ email: input.data.email, password: input.data.password }),
      cache: "no-store",
      signal: AbortSignal.timeout(5000),
    });
  } catch {
    response = null;
  }
  if (!response) redirect(`/sign-in?error=unreachable&next=${input.data.next}`);
  if (!response.ok) redirect(`/sign-in?error=failed&next=${input.data.next}`);
  await copySessionCookies(response);
  redirect(input.data.next);
}

/** Ends the session at the API and forgets its cookies here. */
export async function signOut() {
  const cookie = (await cookies()).toString();
  await fetch(`${env.SERVER_URL}/api/auth/sign-out`, {
    method: "POST",
    headers: { cookie, origin: env.SUBSCRIPTION_URL, "content-type": "application/json" },
    body: "{}",
    cache: "no-store",
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  await clearSessionCookies();
  redirect("/sign-in");
}

/** A provider page to send the visitor to: http(s) only, never a `javascript:` or relative URL. */
function externalUrl(url: string): Route {
  const parsed = z.url({ protocol: /^https?$/ }).safeParse(url);
  if (!parsed.success) redirect("/billing?error=The%20payment%20provider%20answered%20an%20invalid%20link");
  return parsed.data as Route;
}

const choosePlanSchema = z.object({ plan: z.enum(["pro", "business"]), interval: z.enum(["month", "year"]) });

/** Where a failed billing call sends the visitor: sign-in when signed out, else back with the message. */
function failure(from: "/billing" | "/pricing", error: unknown): never {
  if (trpcErrorCode(error) === "UNAUTHORIZED") redirect(`/sign-in?next=${from}`);
  const message = error instanceof Error ? error.message : String(error);
  redirect(`${from}?error=${encodeURIComponent(message.slice(0, 300))}`);
}

/** Starts a checkout and sends the owner to the provider's page (the sandbox's, or Creem's). */
export async function startCheckout(formData: FormData) {
  const input = choosePlanSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) redirect("/pricing?error=Choose%20a%20plan");
  let checkoutUrl: string;
  try {
    checkoutUrl = (await (await apiAsVisitor()).billing.checkout.mutate(input.data)).checkoutUrl;
  } catch (error) {
    failure("/pricing", error);
  }
  redirect(externalUrl(checkoutUrl));
}

/** Moves an existing subscription to another paid plan; the webhook confirms it. */
export async function changePlan(formData: FormData) {
  const input = choosePlanSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) redirect("/pricing?error=Choose%20a%20plan");
  try {
    await (await apiAsVisitor()).billing.changePlan.mutate(input.data);
  } catch (error) {
    failure("/pricing", error);
  }
  redirect("/billing?notice=requested");
}

export async function cancelSubscription() {
  try {
    await (await apiAsVisitor()).billing.cancel.mutate();
  } catch (error) {
    failure("/billing", error);
  }
  redirect("/billing?notice=requested");
}

export async function resumeSubscription() {
  try {
    await (await apiAsVisitor()).billing.resume.mutate();
  } catch (error) {
    failure("/billing", error);
  }
  redirect("/billing?notice=requested");
}

/** Opens the provider's customer portal (invoices, payment method). */
export async function openCustomerPortal() {
  let url: string;
  try {
    url = (await (await apiAsVisitor()).billing.portalUrl.mutate()).url;
  } catch (error) {
    failure("/billing", error);
  }
  redirect(externalUrl(url));
}
