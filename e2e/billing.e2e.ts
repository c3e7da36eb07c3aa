import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEnvelopeReceiver } from "@nexis/observability/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { isListening, repoRoot } from "./support/stack.ts";

/**
 * The billing flow in a browser: the portal (`next build` + `next start`) against an API server
 * running the sandbox payment provider, each on a free port (never the apps' own ports).
 */
let browser: Browser;
let apiPort: number;
let portalPort: number;
let apiUrl: string;
let portalUrl: string;
let dataDir: string;
const children: ChildProcess[] = [];
/** Stands in for Sentry: the portal (server and browser) reports here. */
let sentry: Awaited<ReturnType<typeof startEnvelopeReceiver>>;
const email = `billing-e2e-${Date.now()}@example.com`;
const password = "correct horse battery";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function start(command: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.once("exit", (code) => {
    if (code) console.error(`${command} ${args.join(" ")} exited with ${code}:\n${log.slice(-3000)}`);
  });
  children.push(child);
  return child;
}

async function waitForPort(port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isListening(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing listened on ${port} within ${timeoutMs} ms`);
}

beforeAll(async () => {
  [apiPort, portalPort] = [await freePort(), await freePort()];
  apiUrl = `http://localhost:${apiPort}`;
  portalUrl = `http://localhost:${portalPort}`;
  dataDir = mkdtempSync(path.join(tmpdir(), "nexis-billing-e2e-"));
  sentry = await startEnvelopeReceiver();
  const shared = { SERVER_URL: apiUrl, SUBSCRIPTION_URL: portalUrl, CLIENT_URL: "http://localhost:3000" };
  const portal = { ...shared, SENTRY_DSN: sentry.dsn };
  // The API: its own data folder (PGlite unless DATABASE_URL says otherwise), the sandbox provider
  // (no CREEM_API_KEY; NODE_ENV=production turns the sandbox off unless BILLING_SANDBOX=true).
  start("pnpm", ["exec", "tsx", "src/index.ts"], path.join(repoRoot, "apps/server"), {
    ...shared,
    SERVER_PORT: String(apiPort),
    SERVER_HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    CREEM_API_KEY: "",
    BILLING_SANDBOX: "true",
  });
  execFileSync("pnpm", ["--filter", "subscription", "build"], { cwd: repoRoot, stdio: "ignore", env: { ...process.env, ...portal, NODE_ENV: "production" } });
  start("pnpm", ["exec", "next", "start", "--port", String(portalPort), "--hostname", "127.0.0.1"], path.join(repoRoot, "apps/subscription"), portal);
  await Promise.all([waitForPort(apiPort, 60_000), waitForPort(portalPort, 60_000)]);
  const signUp = await fetch(`${apiUrl}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: portalUrl },
    body: JSON.stringify({ name: "Billing owner", email, password }),
  });
  expect(signUp.status).toBe(200);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const child of children) {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await sentry?.close();
});

/** Takes the same page at desktop and phone width. */
async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** At phone width nothing is wider than the screen (no sideways scrolling). */
async function expectNoHorizontalOverflow(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pay(page: Page, card: string) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12/34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
  await page.getByRole("button", { name: /^Pay / }).click();
}

describe("billing in the browser (sandbox provider)", () => {
  it("signs in, shows pricing, pays in the sandbox checkout (declined, then accepted) and confirms the upgrade on return", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    await page.goto(`${portalUrl}/pricing`);
    await page.getByRole("heading", { name: "Choose your plan" }).waitFor();
    await expect(page.getByTestId("compare-table").innerText()).resolves.toContain("WhatsApp numbers");
    await page.getByRole("link", { name: "Sign in to upgrade" }).first().click();

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Back on the pricing page it came from, now signed in as the owner of a Free workspace.
    await page.getByRole("button", { name: "Upgrade to Pro" }).waitFor();
    await page.goto(`${portalUrl}/billing`);
    await expect(page.getByTestId("current-plan").innerText()).resolves.toContain("Free");

    await page.goto(`${portalUrl}/pricing?interval=year`);
    await expect(page.getByTestId("plan-pro").innerText()).resolves.toContain("$190.00");
    await page.goto(`${portalUrl}/pricing`);
    await expect(page.getByTestId("plan-free").innerText()).resolves.toContain("Current plan");
    await screenshots(page, "billing-pricing");
    await expectNoHorizontalOverflow(page);

    await page.getByRole("button", { name: "Upgrade to Pro" }).click();
    await page.waitForURL(`${apiUrl}/sandbox/checkout/**`);
    await page.getByText("Card number").waitFor();
    await screenshots(page, "billing-sandbox-checkout");

    // At 390 px the card keeps a margin from the screen's edges, and each test card number has
    // room before what it does (they used to touch: "4242 4242 4242 4242pays").
    await page.setViewportSize({ width: 390, height: 844 });
    const cardBox = await page.locator("main.card").boundingBox();
    expect(cardBox?.x).toBeGreaterThanOrEqual(12);
    expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0)).toBeLessThanOrEqual(390 - 12);
    // Where the glyphs are drawn (a Range around each cell's text), not the cells' boxes.
    const gaps = await page.getByRole("table", { name: "Test cards" }).evaluate((table) =>
      [...table.querySelectorAll("tbody tr")].map((row) => {
        const [number, result] = [...row.querySelectorAll("td")].map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return range.getBoundingClientRect();
        });
        return { gap: (result?.left ?? 0) - (number?.right ?? 0), numberLines: Math.round((number?.height ?? 0) / 16) };
      }),
    );
    expect(gaps).toHaveLength(3);
    for (const { gap, numberLines } of gaps) {
      expect(gap).toBeGreaterThanOrEqual(12);
      expect(numberLines).toBe(1); // the number stays on one line
    }
    await screenshot(page, "billing-sandbox-checkout-390-table");
    await expectNoHorizontalOverflow(page);

    await pay(page, "4000 0000 0000 0002");
    await page.getByText("Your card was declined").waitFor();
    await screenshots(page, "billing-sandbox-declined");

    await pay(page, "4242 4242 4242 4242");
    await page.waitForURL(`${portalUrl}/billing/return?**`);
    const card = page.getByTestId("return-card");
    await expect(card.getByRole("heading").innerText()).resolves.toBe("Upgrade received");
    await card.getByText("Your workspace is now on Pro.").waitFor({ timeout: 30_000 });
    await screenshots(page, "billing-return");
    await expectNoHorizontalOverflow(page);

    await page.getByRole("link", { name: "Go to billing" }).click();
    await expect(page.getByTestId("current-plan").innerText()).resolves.toContain("Pro");
    await expect(page.getByTestId("orders").innerText()).resolves.toContain("$19.00");
    await screenshots(page, "billing-overview-pro");
    await expectNoHorizontalOverflow(page);

    // A renewal: the sandbox's customer portal charges the next period (Creem's subscription.paid),
    // and the billing history lists both payments with their periods.
    await page.getByRole("button", { name: "Invoices and payment method" }).click();
    await page.waitForURL(`${apiUrl}/sandbox/portal/**`);
    await page.getByRole("button", { name: /^Renew now/ }).click();
    await page.getByText("Sent: subscription.paid").waitFor();
    await screenshots(page, "billing-sandbox-portal-renewed");
    await page.goto(`${portalUrl}/billing`);
    const rows = page.getByTestId("orders").locator("tbody tr");
    for (let tries = 0; (await rows.count()) < 2 && tries < 40; tries++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    await expect(rows.count()).resolves.toBe(2);
    const history = await page.getByTestId("orders").innerText();
    expect(history.match(/\$19\.00/g)).toHaveLength(2);
    expect(history).toContain("Period");
    await screenshots(page, "billing-history-renewal");
    await expectNoHorizontalOverflow(page);
    // On a phone the history is a list: both payments with amount and period are on screen, no sideways scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    const phoneHistory = await page.getByTestId("orders").innerText();
    expect(phoneHistory.match(/\$19\.00/g)).toHaveLength(2);
    expect(phoneHistory).toContain("Period:");
    await page.setViewportSize({ width: 1280, height: 900 });

    // A forged return link is refused.
    await page.goto(`${portalUrl}/billing/return?checkout_id=ch_x&request_id=00000000-0000-4000-8000-000000000000&signature=forged`);
    await page.getByTestId("return-invalid").waitFor();
    await screenshot(page, "billing-return-invalid-1280");
    await context.close();
  });

  it("reports an error in the portal's browser code to Sentry, with the visitor's ids and nothing secret", async () => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/sign-in?next=/billing`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/billing");
    await page.goto(`${portalUrl}/billing?token=query-secret`);
    await page.getByRole("heading", { name: "Billing", exact: true, level: 1 }).waitFor();
    // The SDK loads after hydration (only because a DSN is set): wait for it, then throw outside any handler.
    await expect.poll(() => page.evaluate(() => "__SENTRY__" in window), { timeout: 15_000 }).toBe(true);
    await page.evaluate(() => setTimeout(() => {
      throw new Error("portal browser error");
    }, 0));
    type Reported = { tags?: Record<string, string>; user?: { id?: string }; request?: { url?: string }; exception?: { values?: { value?: string }[] } };
    const isOurs = (event: Reported) => event.exception?.values?.[0]?.value === "portal browser error";
    await expect.poll(() => (sentry.events as Reported[]).some(isOurs), { timeout: 15_000 }).toBe(true);
    const reported = (sentry.events as Reported[]).find(isOurs);
    expect(reported?.tags).toMatchObject({ service: "subscription-browser" });
    expect(reported?.tags?.workspace_id).toMatch(/\S/);
    expect(reported?.user?.id).toMatch(/\S/);
    expect(reported?.request?.url).toBe(`${portalUrl}/billing`);
    const everything = sentry.raw.join("\n");
    for (const secret of ["query-secret", password, email]) expect(everything).not.toContain(secret);
    // Sentry is not asked to work out the visitor's IP address either.
    expect(everything).not.toContain('"infer_ip":"auto"');
    await context.close();
  });

  it("renders the pricing page in Portuguese and dark mode on a phone", async () => {
    const context = await browser.newContext({ locale: "pt-BR", colorScheme: "dark", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${portalUrl}/pricing`);
    await page.getByRole("heading", { name: "Escolha seu plano" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await screenshot(page, "billing-pricing-pt-BR-dark-390");
    await context.close();
  });
});
