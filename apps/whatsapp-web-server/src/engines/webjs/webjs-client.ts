import path from "node:path";
import { Client, LocalAuth } from "whatsapp-web.js";

/** Flags that keep Chromium from hanging or phoning home on a closed network, as root in a container. */
export const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type WebjsOptions = {
  /** Chromium to launch (`WHATSAPP_BROWSER_PATH`); never a downloaded one. */
  browserPath: string;
  /** Where each session keeps its auth state: `<DATA_DIR>/whatsapp/webjs`. */
  authRoot: string;
  /** How many QR codes a session shows before it gives up (FAILED), as WAHA does. */
  qrMaxRetries: number;
  /** More Chromium flags after `chromiumFlags`, e.g. `--proxy-server=…` (tests use one that never answers). */
  browserArgs?: string[];
};

export type Browser = NonNullable<Client["pupBrowser"]>;

/** A session's LocalAuth directory; removing it forgets the link. */
export function sessionAuthDir(options: WebjsOptions, session: string): string {
  return path.join(options.authRoot, session);
}

/**
 * The Chromium profile LocalAuth keeps in it (`<auth dir>/session`). It is the browser's
 * `--user-data-dir`: WhatsApp Web's link lives in the profile, and the path names the session's
 * Chromium processes (see `chromium-processes.ts`).
 */
export function profileDir(options: WebjsOptions, session: string): string {
  return path.join(sessionAuthDir(options, session), "session");
}

/**
 * A whatsapp-web.js client for one session. `launched` runs as soon as its browser is up, before
 * WhatsApp Web loads (LocalAuth's `afterBrowserInitialized` hook): the only moment a caller can
 * watch the browser, or abort a start that was stopped meanwhile by throwing.
 */
export function createWebjsClient(session: string, options: WebjsOptions, launched: (browser: Browser) => void): Client {
  const auth = new LocalAuth({ dataPath: sessionAuthDir(options, session) });
  const client = new Client({
    authStrategy: auth,
    qrMaxRetries: options.qrMaxRetries,
    // Keeps the WhatsApp Web page version whatsapp-web.js was tested with beside the sessions.
    webVersionCache: { type: "local", path: path.join(options.authRoot, ".web-cache") },
    puppeteer: {
      executablePath: options.browserPath,
      headless: true,
      args: [...chromiumFlags, ...(options.browserArgs ?? [])],
      // The service closes browsers on SIGINT/SIGTERM itself; Puppeteer's handlers would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    },
  });
  auth.afterBrowserInitialized = async () => {
    if (!client.pupBrowser) throw new Error("whatsapp-web.js reported a browser it has not launched");
    launched(client.pupBrowser);
  };
  return client;
}
