import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { expectHstsBehindTls, expectSecurityHeaders } from "./support/security-headers.ts";
import { appPorts, descendantsOf, isAlive, isListening, type Stack, startStack } from "./support/stack.ts";

const expectedDatabase = process.env.DATABASE_URL ? "postgres" : "pglite";
let stack: Stack;
let browser: Browser;
/** What the browser refused under an app's Content-Security-Policy, on any page these tests open. */
const cspViolations: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (stack && stack.process.exitCode === null) await stack.interrupt();
});

async function openPage(url: string, options: { locale?: string; width?: number; colorScheme?: "light" | "dark" } = {}) {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    colorScheme: options.colorScheme ?? "light",
    viewport: { width: options.width ?? 1280, height: 800 },
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) cspViolations.push(`${url}: ${message.text()}`);
  });
  const response = await page.goto(url, { waitUntil: "domcontentloaded", timeout: 90_000 });
  return { page, context, status: response?.status(), headers: (await response?.allHeaders()) ?? {} };
}

describe("the README's first command", () => {
  it("serves the client, which shows the API's health answer that came through tRPC", async () => {
    const { page, context, status, headers } = await openPage("http://localhost:3000/");
    expect(status).toBe(200);
    expectSecurityHeaders(headers, "client");
    // The page calls the API under its CSP: the health card below only fills in if connect-src allows it.
    expect(headers["content-security-policy"]).toContain("connect-src 'self' http://localhost:8787");
    await expect(page.locator("h1").innerText()).resolves.toBe("Welcome to NexisChat");
    const card = page.getByTestId("api-health");
    await card.getByText("Connected").waitFor({ timeout: 60_000 });
    await expect(card.getByTestId("health-Server version").innerText()).resolves.toMatch(/^\d+\.\d+\.\d+$/);
    await expect(card.getByTestId("health-Database").innerText()).resolves.toBe(expectedDatabase);
    await screenshot(page, "client-home");
    await context.close();
    await expectHstsBehindTls("http://localhost:3000/");
  });

  it("renders the client in the browser's language and in dark mode on a phone", async () => {
    const { page, context } = await openPage("http://localhost:3000/", { locale: "pt-BR", width: 390, colorScheme: "dark" });
    await expect(page.locator("h1").innerText()).resolves.toBe("Bem-vindo ao NexisChat");
    await page.getByText("Conectado").waitFor({ timeout: 60_000 });
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await screenshot(page, "client-home-pt-BR-dark-390");
    await context.close();
  });

  it("shows the client's error state when the API does not answer", async () => {
    const { page, context } = await openPage("http://localhost:3000/");
    await page.route("http://localhost:8787/trpc/**", (route) => route.abort("connectionrefused"));
    await page.reload();
    await page.getByText("Unreachable").waitFor({ timeout: 60_000 });
    await expect(page.getByRole("button", { name: "Retry" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "client-home-api-down");
    await context.close();
  });

  it("serves the subscription portal through Next.js", async () => {
    const { page, context, status, headers } = await openPage("http://localhost:3001/");
    expect(status).toBe(200);
    expectSecurityHeaders(headers, "portal");
    await page.getByRole("heading", { name: /Plans & billing/i }).first().waitFor();
    await screenshot(page, "subscription-home");
    await context.close();
    await expectHstsBehindTls("http://localhost:3001/");
  });

  it("serves the docs from MDX with Fumadocs' layout and a working search", async () => {
    const { page, context, status, headers } = await openPage("http://localhost:3002/docs");
    expect(status).toBe(200);
    expectSecurityHeaders(headers, "docs");
    await page.getByRole("heading", { name: "Getting started" }).first().waitFor();
    await expect(page.getByRole("button", { name: /search/i }).first().isVisible()).resolves.toBe(true);
    const search = await fetch("http://localhost:3002/api/search?query=postgres");
    expect(search.status).toBe(200);
    expect(((await search.json()) as unknown[]).length).toBeGreaterThan(0);
    await screenshot(page, "docs-getting-started");
    await context.close();
    await expectHstsBehindTls("http://localhost:3002/docs");
  });

  it("serves the landing page through Astro", async () => {
    const { page, context, status, headers } = await openPage("http://localhost:4321/");
    expect(status).toBe(200);
    expectSecurityHeaders(headers, "landing");
    await expect(page.locator("h1").innerText()).resolves.toMatch(/WhatsApp inbox/i);
    await screenshot(page, "landing-home");
    await context.close();
  });

  it("serves the API server's liveness and readiness", async () => {
    const { page, context, status } = await openPage("http://localhost:8787/health");
    expect(status).toBe(200);
    await screenshot(page, "server-health");
    await context.close();
    const ready = await fetch("http://localhost:8787/ready");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok" } });
  });

  it("serves the WhatsApp service's WAHA server routes behind the generated API key", async () => {
    const { page, context, status } = await openPage("http://localhost:8788/ping");
    expect(status).toBe(200);
    await screenshot(page, "whatsapp-ping");
    await context.close();
    const apiKey = readFileSync(path.join(stack.dataDir, "secrets", "WHATSAPP_API_KEY"), "utf8").trim();
    const version = await fetch("http://localhost:8788/api/server/version", { headers: { "X-Api-Key": apiKey } });
    expect(version.status).toBe(200);
    expect(await version.json()).toMatchObject({ engine: "SANDBOX", version: expect.any(String) });
    expect((await fetch("http://localhost:8788/api/server/version")).status).toBe(401);
  });

  it("breaks no page with the apps' Content-Security-Policy (nothing refused in the browser)", () => {
    expect(cspViolations).toEqual([]);
  });

  it("stops every app on Ctrl-C and leaves no process or listening port behind", async () => {
    const pid = stack.process.pid;
    if (pid === undefined) throw new Error("start.sh has no pid");
    const tree = descendantsOf(pid);
    expect(tree.length).toBeGreaterThan(6);
    const code = await stack.interrupt();
    expect(code).toBe(130);
    expect(stack.output()).toContain("Stopped.");
    expect(tree.filter(isAlive)).toEqual([]);
    for (const port of appPorts) expect(await isListening(port), `port ${port}`).toBe(false);
  });
});
