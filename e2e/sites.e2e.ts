import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The plan catalogue itself, so the test follows the prices rather than repeating them.
import { planCurrency, planList } from "../packages/plans/src/index.ts";
import { launchBrowser, screenshot } from "./support/browser.ts";
import { expectHstsBehindTls, expectSecurityHeaders } from "./support/security-headers.ts";
import { repoRoot } from "./support/stack.ts";

/**
 * The landing site and the docs as built (`turbo run build --filter=landing --filter=docs`, which
 * `npm test` runs first), each served on a free port: never the apps' own ports, which `npm start`
 * may hold. The landing's dist/ is plain files; the docs need `next start` for search.
 */
const landingDist = path.join(repoRoot, "apps/landing/dist");
const docsDir = path.join(repoRoot, "apps/docs");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

/** A static file server over the landing's build, as a CDN would serve it (folders → index.html). */
function serveLanding(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    let file = path.join(landingDist, pathname);
    if (!file.startsWith(landingDist)) file = landingDist;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    const found = existsSync(file);
    response.writeHead(found ? 200 : 404, { "content-type": contentTypes[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(found ? file : path.join(landingDist, "404.html")));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

function freePort(): Promise<number> {
  const probe = createServer();
  return new Promise((resolve) =>
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

/** `next start` on the docs' build, resolved once it answers. */
async function serveDocs(): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  // No --hostname: the docs' proxy rewrites to `localhost`, which must be this same server.
  const child = spawn(path.join(docsDir, "node_modules/.bin/next"), ["start", "--port", String(port)], {
    cwd: docsDir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    try {
      if ((await fetch(`${url}/docs`, { redirect: "manual" })).status < 500) return { process: child, url };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer in 30 s:\n${log}`);
}

let browser: Browser;
let landing: { server: Server; url: string };
let docs: { process: ChildProcess; url: string };

beforeAll(async () => {
  for (const [built, command] of [
    [path.join(landingDist, "index.html"), "pnpm --filter landing build"],
    [path.join(docsDir, ".next/BUILD_ID"), "pnpm --filter docs build"],
  ] as const) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`${command}\` first.`);
  }
  [browser, landing, docs] = await Promise.all([launchBrowser(), serveLanding(), serveDocs()]);
});

afterAll(async () => {
  await browser?.close();
  landing?.server.close();
  // The whole process group: next start may have spawned workers.
  if (docs?.process.pid && docs.process.exitCode === null) process.kill(-docs.process.pid, "SIGTERM");
});

async function open(url: string, options: { width?: number; colorScheme?: "light" | "dark" } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "domcontentloaded" });
  expect(response?.status(), url).toBe(200);
  return page;
}

const homes = [
  { locale: "en", path: "/", title: /WhatsApp inbox/, faq: "FAQ" },
  { locale: "pt-BR", path: "/pt-br/", title: /caixa de entrada do WhatsApp/, faq: "Perguntas frequentes" },
  { locale: "es", path: "/es/", title: /bandeja de entrada de WhatsApp/, faq: "Preguntas frecuentes" },
] as const;

describe("the landing site, built", () => {
  it("ships dist/_headers with the security headers for static hosts (HTTPS-only, so with HSTS)", () => {
    const file = readFileSync(path.join(landingDist, "_headers"), "utf8");
    expect(file.startsWith("/*\n")).toBe(true);
    const headers = Object.fromEntries(
      file
        .split("\n")
        .slice(1)
        .filter(Boolean)
        .map((line) => [line.trim().split(": ")[0]?.toLowerCase() ?? "", line.trim().split(": ").slice(1).join(": ")]),
    );
    const { "strict-transport-security": hsts, ...rest } = headers;
    expect(hsts).toMatch(/^max-age=\d+/);
    expectSecurityHeaders(rest, "landing dist/_headers");
    expect(rest["content-security-policy"]).not.toContain("unsafe-eval");
  });

  for (const home of homes) {
    it(`shows the ${home.locale} home page in its language, with how it works and the FAQ`, async () => {
      const page = await open(`${landing.url}${home.path}`);
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(home.locale);
      await expect(page.title()).resolves.toMatch(home.title);
      await expect(page.locator("h1").innerText()).resolves.toMatch(home.title);
      await expect(page.locator("#how-it-works ol > li").count()).resolves.toBe(3);
      await expect(page.locator("#faq .eyebrow").innerText()).resolves.toMatch(new RegExp(home.faq, "i"));
      // A question opens with no JavaScript: <details>.
      const question = page.locator("#faq details").first();
      await question.locator("summary").click();
      await expect(question.getAttribute("open")).resolves.toBe("");
      await page.context().close();
    });
  }

  it("shows the catalogue's prices in the pricing section, monthly and yearly", async () => {
    const page = await open(landing.url);
    const price = (cents: number) =>
      new Intl.NumberFormat("en", {
        style: "currency",
        currency: planCurrency,
        maximumFractionDigits: cents % 100 === 0 ? 0 : 2,
        minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
      }).format(cents / 100);
    const amounts = () => page.locator("#pricing .plan-amount:visible").allInnerTexts();
    await expect(amounts()).resolves.toEqual(planList.map((plan) => price(plan.priceCents.month)));
    await page.locator("#pricing label[for='billing-year']").click();
    await expect(amounts()).resolves.toEqual(planList.map((plan) => price(plan.priceCents.year)));
    await page.context().close();
  });

  it("renders the home page at 1280 px and at 390 px in dark mode without horizontal scroll", async () => {
    const wide = await open(landing.url);
    await screenshot(wide, "landing-home-1280");
    await wide.context().close();
    const phone = await open(`${landing.url}/pt-br/`, { width: 390, colorScheme: "dark" });
    await expect(phone.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await screenshot(phone, "landing-home-pt-BR-dark-390");
    await phone.context().close();
  });
});

describe("the docs, built", () => {
  it("answers with the security headers, a production CSP without eval, and HSTS only behind TLS", async () => {
    const response = await fetch(`${docs.url}/docs`);
    expect(response.status).toBe(200);
    expectSecurityHeaders(response.headers, "docs (next start)");
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-eval");
    await expectHstsBehindTls(`${docs.url}/docs`);
  });

  it("finds the pairing code guide through the search dialog", async () => {
    const page = await open(`${docs.url}/docs`);
    await page.waitForLoadState("networkidle");
    const dialog = page.getByRole("dialog");
    // The button opens the dialog once React has hydrated it; on a busy machine that may take a moment.
    for (let attempt = 0; attempt < 10 && !(await dialog.isVisible()); attempt++) {
      await page.locator("button[data-search-full]:visible, button[data-search]:visible").first().click();
      await dialog.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await dialog.locator("input").fill("pairing code");
    const result = dialog.locator('a[href*="/docs/guides/link-a-number"], [role="option"]').filter({ hasText: /pairing code|Link a WhatsApp number/i }).first();
    await result.waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it("renders an operation of the WhatsApp service's API reference, marked WAHA-compatible or extension", async () => {
    const builtPages = path.join(docsDir, ".next/server/app/en/docs/api/whatsapp");
    const tagPage = readdirSync(builtPages).find((file) => file.endsWith(".html"))?.replace(/\.html$/, "");
    expect(tagPage, "a built tag page of the API reference").toBeDefined();
    const page = await open(`${docs.url}/docs/api/whatsapp/${tagPage}`);
    const operation = page.locator("[data-api-origin]").first();
    await operation.waitFor();
    await expect(operation.innerText()).resolves.toMatch(/\b(GET|POST|PUT|DELETE|PATCH)\s+\/\S+/i);
    await expect(operation.innerText()).resolves.toMatch(/WAHA-compatible|NexisChat extension/);
    await screenshot(page, "docs-api-whatsapp-1280");
    await page.context().close();
  });

  it("renders a guide at 1280 px and at 390 px in dark mode", async () => {
    const wide = await open(`${docs.url}/docs/guides/link-a-number`);
    await expect(wide.locator("h1").innerText()).resolves.toBe("Link a WhatsApp number");
    await screenshot(wide, "docs-guide-1280");
    await wide.context().close();
    const phone = await open(`${docs.url}/docs/api/trpc`, { width: 390, colorScheme: "dark" });
    await expect(phone.locator('[data-procedure="health"]').count()).resolves.toBe(1);
    await expect(phone.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    await screenshot(phone, "docs-trpc-dark-390");
    await phone.context().close();
  });
});
