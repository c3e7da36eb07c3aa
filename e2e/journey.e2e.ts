import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { waitForMailLink } from "./support/mailbox.ts";
import { sandboxApi } from "./support/sandbox.ts";
import { type Stack, startStack } from "./support/stack.ts";

// The whole journey of issue 7 through the real apps and the sandbox phone: an owner links a
// number, answers a contact (template, quoted reply, reaction, edit, delete), organises and finds
// the chat, a second agent sees it live, and the Free plan's limit shows the upgrade link.
const client = "http://localhost:3000";
const api = "http://localhost:8787";
const portal = "http://localhost:3001";
const contact = "5511977776666";
const ownerEmail = `owner-${Date.now()}@example.com`;
const agentEmail = `agent-${Date.now()}@example.com`;
const password = "correct horse battery";

let stack: Stack;
let browser: Browser;
let owner: BrowserContext;
let page: Page;
let accountId = "";
let chatId = "";
let folderId = "";
let chatUrl = "";

/** A tRPC call with the context's session cookie, for setup the journey does not need to click through. */
async function trpc<T>(context: BrowserContext, procedure: string, input?: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const headers = { origin: client, "content-type": "application/json" };
  const response =
    kind === "mutation"
      ? await context.request.post(`${api}/trpc/${procedure}`, { headers, data: input ?? {} })
      : await context.request.get(`${api}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`, { headers });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${procedure} answered ${response.status()}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** Says what the page showed when a step times out, rather than only "timeout". */
async function showing<T>(target: Page, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    throw new Error(`${String(error)}\nThe page showed:\n${(await target.locator("body").innerText()).slice(0, 3000)}`);
  }
}

async function signUp(target: Page, name: string, email: string) {
  // Through the protected inbox: its redirect to sign-in is the router's, so the page is hydrated
  // before the form is filled (a click before that would submit the plain HTML form).
  await target.goto(`${client}/inbox`, { waitUntil: "domcontentloaded", timeout: 120_000 });
  await target.waitForURL(/\/sign-in/, { timeout: 90_000 });
  await target.getByRole("link", { name: "New here? Create an account" }).click();
  await target.waitForURL(/\/sign-up/);
  await target.getByLabel("Your name").fill(name);
  await target.getByLabel("Email").fill(email);
  await target.getByLabel("Password").fill(password);
  await target.getByRole("button", { name: "Create account" }).click();
  await showing(target, target.waitForURL(/\/onboarding/, { timeout: 60_000 }));
}

/** Opens a bubble's menu (hover shows its ⌄ button) and picks an item. */
async function bubbleMenu(bubble: Locator, item: string) {
  await bubble.hover();
  await bubble.getByRole("button", { name: "Message options" }).click();
  await bubble.getByRole("menuitem", { name: item, exact: true }).click();
}

beforeAll(async () => {
  // Up to 9 minutes: on a busy machine the six dev servers take a while to answer the first time.
  stack = await startStack(540_000);
  browser = await launchBrowser();
  owner = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  page = await owner.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (stack && stack.process.exitCode === null) await stack.interrupt();
});

describe("the agents' journey", () => {
  it("signs up and links a number by scanning the sandbox QR", async () => {
    await signUp(page, "Ada Agent", ownerEmail);
    await page.getByLabel("Number name (e.g. Sales)").fill("Sales");
    await page.getByRole("button", { name: "Add the number" }).click();
    await showing(page, page.waitForURL(/accountId=/, { timeout: 30_000 }));
    accountId = new URL(page.url()).searchParams.get("accountId") ?? "";
    const qr = page.getByTestId("qr-code");
    await qr.locator("svg").waitFor({ timeout: 60_000 });
    await sandboxApi(stack.dataDir).scan(accountId, (await qr.getAttribute("data-value")) ?? undefined);
    await showing(page, page.waitForURL(/\/inbox/, { timeout: 60_000 }));

    // What the rest of the journey files and answers with, made through the API.
    await trpc(owner, "template.create", { name: "Greeting", body: "Hi, this is {{agent.name}}. How can I help?", shortcut: "greet" });
    await trpc(owner, "tag.create", { name: "VIP", color: "#f59e0b" });
    folderId = (await trpc<{ id: string }>(owner, "folder.create", { name: "Orders" })).id;
  });

  it("shows a contact's message live, answers it with a template from the / picker, and the ticks reach read", async () => {
    await page.locator('[data-live="pending"]').waitFor({ timeout: 30_000 });
    await sandboxApi(stack.dataDir).inbound(accountId, contact, "Where is my order 4521?");
    const item = page.getByTestId("chat-item").filter({ hasText: "Where is my order 4521?" });
    await showing(page, item.waitFor({ timeout: 8_000 }));
    await item.click();
    await page.waitForURL(/chatId=/);
    chatUrl = page.url();
    chatId = new URL(chatUrl).searchParams.get("chatId") ?? "";
    const thread = page.getByTestId("message-thread");
    await thread.getByText("Where is my order 4521?").waitFor();

    const composer = page.getByLabel("Message", { exact: true });
    await composer.fill("/greet");
    await page.getByRole("option", { name: /Greeting/ }).waitFor();
    await composer.press("Enter");
    await expect.poll(() => composer.inputValue(), { timeout: 5_000 }).toBe("Hi, this is Ada Agent. How can I help?");
    await composer.press("Enter");
    const answer = thread.getByTestId("message").filter({ hasText: "Hi, this is Ada Agent. How can I help?" });
    await answer.waitFor({ timeout: 10_000 });
    await showing(page, answer.locator('[data-ack="read"]').waitFor({ timeout: 20_000 }));
  });

  it("replies quoting the contact's message, reacts to it, edits and deletes our own, and shows the contact typing", async () => {
    const thread = page.getByTestId("message-thread");
    const question = thread.getByTestId("message").filter({ hasText: "Where is my order 4521?" }).first();

    await bubbleMenu(question, "Reply");
    const composerQuote = page.getByRole("group", { name: /^Replying to / });
    await composerQuote.getByText("Where is my order 4521?").waitFor();
    await page.getByLabel("Message", { exact: true }).fill("Checking order 4521 now");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    await composerQuote.waitFor({ state: "detached" });
    const sentReply = thread.getByTestId("message").filter({ hasText: "Checking order 4521 now" });
    await expect(sentReply.getByTestId("reply-preview").innerText()).resolves.toContain("Where is my order 4521?");
    await sentReply.locator('[data-ack="sent"], [data-ack="delivered"], [data-ack="read"]').waitFor({ timeout: 10_000 });
    // By id from here on: its text changes with the edit.
    const reply = thread.locator(`[data-message-id="${await sentReply.getAttribute("data-message-id")}"]`);

    await bubbleMenu(question, "React with 👍");
    await showing(page, question.getByTestId("reactions").getByRole("button", { name: /👍/, pressed: true }).waitFor({ timeout: 5_000 }));

    await bubbleMenu(reply, "Edit");
    const editor = reply.getByLabel("Edit the message");
    await editor.fill("Checking order 4521 right now");
    await editor.press("Enter");
    await showing(page, reply.getByTestId("message-edited").waitFor({ timeout: 15_000 }));
    await reply.getByText("Checking order 4521 right now").waitFor();

    await page.getByLabel("Message", { exact: true }).fill("Sent to the wrong chat, sorry");
    await page.getByLabel("Message", { exact: true }).press("Enter");
    const mistake = thread.getByTestId("message").filter({ hasText: "Sent to the wrong chat, sorry" });
    await mistake.locator('[data-ack="sent"], [data-ack="delivered"], [data-ack="read"]').waitFor({ timeout: 10_000 });
    const mistakeId = await mistake.getAttribute("data-message-id");
    await bubbleMenu(mistake, "Delete for everyone");
    await mistake.getByRole("menuitem", { name: "Delete for everyone" }).click();
    await showing(page, thread.locator(`[data-message-id="${mistakeId}"]`).getByText("This message was deleted").waitFor({ timeout: 15_000 }));

    await sandboxApi(stack.dataDir).presence(accountId, contact, "typing");
    await showing(page, page.getByTestId("chat-presence").getByText("typing…").waitFor({ timeout: 8_000 }));
    await sandboxApi(stack.dataDir).presence(accountId, contact, "paused");
    await page.getByTestId("chat-presence").waitFor({ state: "detached", timeout: 8_000 });
  });

  it("tags the chat, moves it to a folder and assigns it", async () => {
    await page.getByText("Chat actions").click();
    await page.getByRole("checkbox", { name: "VIP" }).check();
    await page.getByTestId("chat-item").filter({ hasText: "VIP" }).waitFor({ timeout: 8_000 });
    await page.getByLabel("Move to folder").selectOption({ label: "Orders" });
    const assignToMe = page.getByRole("button", { name: "Assign to me" });
    if (await assignToMe.isVisible()) await assignToMe.click();
    else {
      // Only if the chat actions have no assign control: assign through the API instead.
      const session = await owner.request.get(`${api}/api/auth/get-session`, { headers: { origin: client } });
      const { user } = (await session.json()) as { user: { id: string } };
      await trpc(owner, "chat.assign", { id: chatId, userId: user.id });
    }
    await page.keyboard.press("Escape");
    await expect
      .poll(async () => {
        const chat = await trpc<{ folderId: string | null; assigneeUserId: string | null; tags: { name: string }[] }>(owner, "chat.get", { id: chatId }, "query");
        return { folder: chat.folderId === folderId, assigned: chat.assigneeUserId !== null, tags: chat.tags.map((tag) => tag.name) };
      }, { timeout: 8_000 })
      .toEqual({ folder: true, assigned: true, tags: ["VIP"] });
  });

  it("finds the chat and its messages with the search box, and opens a hit at its message", async () => {
    await page.goto(`${client}/inbox`, { waitUntil: "domcontentloaded" });
    const box = page.locator("#inbox-search");
    await box.fill("order");
    const results = page.getByTestId("search-results");
    await showing(page, results.waitFor({ timeout: 10_000 }));
    await expect(results.locator("mark").first().innerText()).resolves.toMatch(/order/i);
    const hit = page.getByTestId("search-message").filter({ hasText: "Where is my" });
    await hit.click();
    await page.waitForURL(/messageId=/);
    const messageId = new URL(page.url()).searchParams.get("messageId");
    await page.locator(`#message-${messageId}`).waitFor();

    await box.fill(contact.slice(-6));
    await page.getByTestId("search-chat").first().waitFor({ timeout: 10_000 });
    await box.fill("zzqxnothing");
    await page.getByText("Nothing found for “zzqxnothing”").waitFor({ timeout: 10_000 });
    await box.press("Escape");
    await expect(box.inputValue()).resolves.toBe("");
  });

  it("invites a second agent, who sees the same chat and a new message live", async () => {
    await page.goto(`${client}/settings/members`, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Email").fill(agentEmail);
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    await page.getByText("Invitation sent").waitFor({ timeout: 10_000 });
    const link = await waitForMailLink(stack.dataDir, agentEmail);

    const agent = await browser.newContext({ locale: "en-US", viewport: { width: 390, height: 844 } });
    const agentPage = await agent.newPage();
    await signUp(agentPage, "Bea Agent", agentEmail);
    await agentPage.goto(link, { waitUntil: "domcontentloaded" });
    await agentPage.getByRole("button", { name: "Accept the invitation" }).click();
    await showing(agentPage, agentPage.waitForURL(/\/inbox/, { timeout: 30_000 }));
    await showing(agentPage, agentPage.getByTestId("chat-item").filter({ hasText: contact }).waitFor({ timeout: 15_000 }));
    await agentPage.locator('[data-live="pending"]').waitFor({ timeout: 30_000 });

    await sandboxApi(stack.dataDir).inbound(accountId, contact, "Is anyone there?");
    const live = agentPage.getByTestId("chat-item").filter({ hasText: "Is anyone there?" });
    await showing(agentPage, live.waitFor({ timeout: 8_000 }));
    await live.click();
    await agentPage.getByTestId("message-thread").getByText("Is anyone there?").waitFor();
    await screenshot(agentPage, "journey-second-agent-390-light");
    await agent.close();
  });

  it("shows the Free plan's limit with the upgrade link when a second number is added", async () => {
    await page.goto(`${client}/onboarding`, { waitUntil: "domcontentloaded" });
    await page.getByLabel("Number name (e.g. Sales)").fill("Support");
    await page.getByRole("button", { name: "Add the number" }).click();
    await showing(page, page.getByText("Your plan's limit is reached.").waitFor({ timeout: 10_000 }));
    const [portalPage] = await Promise.all([owner.waitForEvent("page"), page.getByRole("button", { name: "Upgrade" }).click()]);
    await portalPage.waitForURL((url) => url.href.startsWith(portal), { waitUntil: "commit", timeout: 10_000 });
    await screenshot(page, "journey-plan-limit-1280-light");
    await portalPage.close();
  });

  it("renders the inbox, the conversation and the search at 1280 and 390 px, light and dark", async () => {
    const storageState = await owner.storageState();
    for (const width of [1280, 390]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const view = await browser.newContext({ storageState, locale: "en-US", colorScheme, viewport: { width, height: 800 } });
        const screen = await view.newPage();
        await screen.goto(`${client}/inbox`, { waitUntil: "domcontentloaded" });
        await screen.getByTestId("chat-list").waitFor({ timeout: 60_000 });
        await screenshot(screen, `journey-inbox-${width}-${colorScheme}`);
        await screen.locator("#inbox-search").fill("order");
        await screen.getByTestId("search-results").waitFor({ timeout: 60_000 });
        await screenshot(screen, `journey-search-${width}-${colorScheme}`);
        await screen.goto(chatUrl, { waitUntil: "domcontentloaded" });
        await screen.getByTestId("message-thread").getByTestId("message").first().waitFor({ timeout: 60_000 });
        await screenshot(screen, `journey-conversation-${width}-${colorScheme}`);
        await expect(screen.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(colorScheme === "dark");
        await view.close();
      }
    }
  }, 300_000);
});
