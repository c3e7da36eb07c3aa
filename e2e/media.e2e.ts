import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { sandboxApi } from "./support/sandbox.ts";
import { type Stack, startStack } from "./support/stack.ts";

// Media in the inbox: a contact's picture arrives, is downloaded once by the API and shown in the
// bubble (loaded through the authenticated /media route with the session cookie); the agent
// attaches a PDF from the composer and it reaches the contact. Screenshots at 1280 and 390 px.
const client = "http://localhost:3000";
const contact = "5511977776666";
// An 8×8 red PNG.
const png = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let accountId = "";

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

describe("media in the conversation", () => {
  it("signs up and links a number", async () => {
    await page.goto(`${client}/inbox`, { waitUntil: "domcontentloaded", timeout: 90_000 });
    await page.waitForURL(/\/sign-in/, { timeout: 60_000 });
    await page.getByRole("link", { name: "New here? Create an account" }).click();
    await page.getByLabel("Your name").fill("Mia Media");
    await page.getByLabel("Email").fill(`mia-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/onboarding/, { timeout: 60_000 });
    await page.getByLabel("Number name (e.g. Sales)").fill("Media");
    await page.getByRole("button", { name: "Add the number" }).click();
    await page.waitForURL(/accountId=/, { timeout: 30_000 });
    accountId = new URL(page.url()).searchParams.get("accountId") ?? "";
    const qr = page.getByTestId("qr-code");
    await qr.locator("svg").waitFor({ timeout: 60_000 });
    await sandboxApi(stack.dataDir).scan(accountId, (await qr.getAttribute("data-value")) ?? undefined);
    await page.waitForURL(/\/inbox/, { timeout: 60_000 });
  });

  it("shows a contact's picture in the bubble, loaded from the API, and opens it large", async () => {
    const apiKey = readFileSync(path.join(stack.dataDir, "secrets", "WHATSAPP_API_KEY"), "utf8").trim();
    const sent = await fetch(`http://localhost:8788/api/sandbox/${accountId}/inbound/media`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Api-Key": apiKey },
      body: JSON.stringify({ from: contact, file: { mimetype: "image/png", filename: "red.png", data: png }, caption: "a red square" }),
    });
    expect(sent.status).toBe(201);
    const item = page.getByTestId("chat-item").filter({ hasText: "a red square" });
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    const image = page.getByTestId("message-thread").getByTestId("media-image");
    await image.waitFor({ timeout: 15_000 });
    // Loaded for real: the browser sent the session cookie and accepted the cross-origin response.
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), { timeout: 10_000 }).toBe(8);
    await image.click();
    await page.getByTestId("media-lightbox").waitFor();
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("media-lightbox").count()).resolves.toBe(0);
    // Escape closed the picture only, not the conversation.
    await page.getByTestId("message-thread").waitFor({ timeout: 2_000 });
  });

  it("attaches a PDF from the composer: it uploads, is sent, and its ticks move", async () => {
    const uploaded = page.waitForResponse((response) => response.url().endsWith("/media") && response.request().method() === "POST");
    await page.getByTestId("composer-file").setInputFiles({ name: "Proposal.pdf", mimeType: "application/pdf", buffer: pdf });
    const upload = await uploaded;
    expect(upload.status(), await upload.text()).toBe(201);
    const bubble = page.getByTestId("message").filter({ has: page.getByTestId("media-document") }).filter({ hasText: "Proposal.pdf" });
    await bubble.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await screenshot(page, "media-attach-failed");
      throw new Error(`${String(error)}\nThe page showed:\n${await page.locator("body").innerText()}`);
    });
    await bubble.locator('[data-ack="sent"], [data-ack="delivered"], [data-ack="read"]').waitFor({ timeout: 15_000 });
  });

  it("renders the conversation with media at 1280 and 390 px, light and dark", async () => {
    const storageState = await context.storageState();
    const chatUrl = page.url();
    for (const width of [1280, 390]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const view = await browser.newContext({ storageState, locale: "en-US", colorScheme, viewport: { width, height: 800 } });
        const screen = await view.newPage();
        await screen.goto(chatUrl, { waitUntil: "domcontentloaded" });
        await screen.getByTestId("media-image").waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
          await screenshot(screen, `media-conversation-failed-${width}-${colorScheme}`);
          throw new Error(`${String(error)} at ${chatUrl}\nThe page showed:\n${await screen.locator("body").innerText()}`);
        });
        await screen.getByTestId("media-document").waitFor();
        await screenshot(screen, `media-conversation-${width}-${colorScheme}`);
        await view.close();
      }
    }
  });
});
