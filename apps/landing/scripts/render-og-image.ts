/**
 * Renders public/og-image.png (1200×630, the Open Graph card) from an HTML card with the system's
 * Chromium. A one-off: run it after changing the card, then commit the PNG.
 *
 *   pnpm --filter landing og-image [path to Chromium, default /usr/bin/chromium]
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const output = new URL("../public/og-image.png", import.meta.url);
const mark = readFileSync(new URL("../public/favicon.svg", import.meta.url), "utf8");

const card = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  * { box-sizing: border-box; margin: 0; }
  body { width: 1200px; height: 630px; font-family: "DejaVu Sans", system-ui, sans-serif; color: #fff;
    background: radial-gradient(circle at 88% 8%, rgb(37 211 102 / 0.55), transparent 52%),
      linear-gradient(135deg, #075e54, #128c7e); display: flex; flex-direction: column;
    justify-content: space-between; padding: 72px 80px; }
  .brand { display: flex; align-items: center; gap: 20px; font-size: 40px; font-weight: 700; }
  .brand svg { width: 72px; height: 72px; }
  h1 { font-size: 76px; line-height: 1.05; letter-spacing: -0.02em; max-width: 980px; }
  p { font-size: 30px; color: rgb(255 255 255 / 0.85); }
</style></head><body>
  <div class="brand">${mark}<span>NexisChat</span></div>
  <h1>One WhatsApp inbox for your whole team</h1>
  <p>Open source · Self-hostable · WhatsApp sandbox built in</p>
</body></html>`;

// Flags that keep Chromium from reaching the network on a closed machine (TOOLCHAIN.md).
const browser = await chromium.launch({
  executablePath: process.argv[2] ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(card);
  await page.screenshot({ path: output.pathname, type: "png" });
  console.log(`wrote ${output.pathname}`);
} finally {
  await browser.close();
}
