import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { sandboxApi } from "./support/sandbox.ts";
import { type Stack, startStack } from "./support/stack.ts";

// One agent's first session: sign up, link a number through the sandbox phone, receive a message,
// answer it, and look at every screen at desktop and phone widths, light and dark.
const client = "http://localhost:3000";
const viewports = [
  { width: 1280, colorScheme: "light" },
  { width: 1280, colorScheme: "dark" },
  { width: 390, colorScheme: "light" },
  { width: 390, colorScheme: "dark" },
] as const;

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let accountId = "";
let chatUrl = "";

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (stack && stack.process.exitCode === null) await stack.interrupt();
});

describe("the agents' inbox", () => {
  it("sends a signed-out visitor to sign in, and a new account to link a number", async () => {
    await page.goto(`${client}/inbox`, { waitUntil: "domcontentloaded", timeout: 90_000 });
    await page.waitForURL(/\/sign-in/, { timeout: 60_000 });
    await page.getByRole("link", { name: "New here? Create an account" }).click();
    await page.getByLabel("Your name").fill("Ada Agent");
    await page.getByLabel("Email").fill(`ada-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/onboarding/, { timeout: 60_000 });
    await page.getByRole("heading", { name: "Link a WhatsApp number" }).waitFor();
  });

  it("adds a number, shows its live QR, and opens the inbox once the phone scans it", async () => {
    await page.getByLabel("Number name (e.g. Sales)").fill("Sales");
    await page.getByRole("button", { name: "Add the number" }).click();
    await page.waitForURL(/accountId=/, { timeout: 30_000 }).catch(async (error: unknown) => {
      // Say what the page showed (a toast names the API's refusal) rather than only "timeout".
      throw new Error(`${String(error)}\nThe page showed:\n${await page.locator("body").innerText()}`);
    });
    accountId = new URL(page.url()).searchParams.get("accountId") ?? "";
    const qr = page.getByTestId("qr-code");
    await qr.locator("svg").waitFor({ timeout: 60_000 });
    await expect(page.getByRole("link", { name: "Open the sandbox phone to scan" }).getAttribute("href")).resolves.toBe("http://localhost:8788/sandbox/phone");
    await screenshot(page, "inbox-onboarding-qr-1280-light");
    await sandboxApi(stack.dataDir).scan(accountId, (await qr.getAttribute("data-value")) ?? undefined);
    await page.waitForURL(/\/inbox/, { timeout: 60_000 });
  });

  it("shows an inbound message live in the chat list, opens it and sends a reply whose ticks move live", async () => {
    // The inbox's live stream is open (`data-live="pending"` is tRPC's word for a started stream).
    await page.locator('[data-live="pending"]').waitFor({ timeout: 30_000 });
    await sandboxApi(stack.dataDir).inbound(accountId, "5511988887777", "Olá");
    const item = page.getByTestId("chat-item").filter({ hasText: "Olá" });
    // Well under the 30 s safety-net refresh: only the live event stream brings it this fast.
    await item.waitFor({ timeout: 8_000 });
    await item.click();
    const thread = page.getByTestId("message-thread");
    await thread.getByText("Olá").waitFor();
    chatUrl = page.url();

    await page.getByLabel("Message", { exact: true }).fill("Oi! Como posso ajudar?");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    const reply = thread.getByTestId("message").filter({ hasText: "Oi! Como posso ajudar?" });
    await reply.waitFor({ timeout: 10_000 });
    // Pending first, then the queue delivers it and the ack moves past the clock.
    await reply.locator('[data-ack="sent"], [data-ack="delivered"], [data-ack="read"]').waitFor({ timeout: 8_000 });
  });

  // 24 page loads and screenshots: past the default two minutes when the machine is slow.
  it("renders onboarding, inbox, conversation and settings at 1280 and 390 px, light and dark", async () => {
    const storageState = await context.storageState();
    const screens = [
      { name: "onboarding", url: `${client}/onboarding`, ready: "Add the number" },
      { name: "inbox", url: `${client}/inbox`, ready: null },
      { name: "conversation", url: chatUrl, ready: null },
      { name: "settings-plan", url: `${client}/settings/plan`, ready: null },
      { name: "settings-workspace", url: `${client}/settings/workspace`, ready: null },
      { name: "settings-profile", url: `${client}/settings/profile`, ready: null },
    ];
    for (const viewport of viewports) {
      const view = await browser.newContext({ storageState, locale: "en-US", colorScheme: viewport.colorScheme, viewport: { width: viewport.width, height: 800 } });
      const screen = await view.newPage();
      for (const { name, url, ready } of screens) {
        await screen.goto(url, { waitUntil: "domcontentloaded" });
        if (ready) await screen.getByRole("button", { name: ready }).waitFor();
        else if (name === "settings-plan") await screen.getByText("Current plan:").waitFor();
        else if (name === "settings-workspace") await screen.getByRole("heading", { name: "Workspace", level: 1 }).waitFor();
        else if (name === "settings-profile") await screen.getByText("Active sessions").waitFor();
        else if (name === "conversation") await screen.getByTestId("message-thread").waitFor();
        else await screen.getByTestId("chat-list").waitFor();
        await screenshot(screen, `inbox-${name}-${viewport.width}-${viewport.colorScheme}`);
        // Nothing wider than the screen: no sideways scrolling on a phone.
        const widths = await screen.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        expect(widths.scroll, `${name} at ${viewport.width} px`).toBeLessThanOrEqual(widths.client);
      }
      if (viewport.colorScheme === "dark") {
        await expect(screen.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
      }
      await view.close();
    }
  }, 300_000);
});
