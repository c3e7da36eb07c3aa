import { rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import QRCode from "qrcode";
import type { Client } from "whatsapp-web.js";
import { unprocessable } from "../../errors.ts";
import type { Logger } from "../../logger.ts";
import type { MeInfo, SessionStatus } from "../../waha/types.ts";
import type { EngineSessionContext, QRCode as EngineQRCode } from "../engine.ts";
import { isRunning, killProcesses, processesUsingProfile } from "./chromium-processes.ts";
import { formatPairingCode, toMe } from "./webjs-adapter.ts";
import { type Browser, createWebjsClient, profileDir, sessionAuthDir, type WebjsOptions } from "./webjs-client.ts";
import { bindClientEvents, type WebjsEventHandlers } from "./webjs-events.ts";
import { WebjsLids } from "./webjs-lids.ts";
import { WebjsMessaging } from "./webjs-messaging.ts";
import { WebjsOperations } from "./webjs-operations.ts";

export type WebjsDependencies = { options: WebjsOptions; logger: Logger };

/** A client and its `initialize()`, settled either way: what closing a session waits for. */
type Running = { client: Client; settled: Promise<unknown> };

/** How long closing waits for a start in progress to notice that its browser is gone. */
const settleTimeoutMs = 10_000;
/** How long closing waits for the session's Chromium processes to exit after SIGKILL. */
const reapTimeoutMs = 2_000;

/** An error's message; whatsapp-web.js also throws strings, and a dropped connection plain objects. */
function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** Waits for `promise` to settle, but no longer than `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  const timeout = new AbortController();
  await Promise.race([promise.catch(() => undefined), sleep(ms, undefined, { signal: timeout.signal }).catch(() => undefined)]);
  timeout.abort();
}
const crashReason = "The browser exited unexpectedly (crashed or killed)";

/**
 * A session on WhatsApp Web through whatsapp-web.js and its own Chromium. The lifecycle lives
 * here; the operations are in `WebjsOperations`, the mapping to WAHA's shapes in the adapter.
 *
 * Every way out (stop, logout, a failed start, a disconnect, a crashed browser) goes through
 * `close`, which destroys the client and then kills whatever Chromium process still runs on the
 * session's profile, so no browser outlives its session. whatsapp-web.js leaves the browser
 * running when `initialize()` rejects (no network), and launches it before anyone can hold it,
 * so a stop during the launch waits for the launch to finish and closes what it started.
 */
export class WebjsSession extends WebjsOperations {
  readonly engine = "WEBJS" as const;
  private current: SessionStatus = "STOPPED";
  private running: Running | null = null;
  private qr: string | null = null;
  private readonly closing = new Set<Promise<void>>();
  protected readonly messaging = new WebjsMessaging(() => this.requireClient());
  protected readonly lids = new WebjsLids(() => this.requireClient());

  constructor(
    private readonly context: EngineSessionContext,
    private readonly deps: WebjsDependencies,
  ) {
    super();
  }

  get status(): SessionStatus {
    return this.current;
  }

  private get profile(): string {
    return profileDir(this.deps.options, this.context.name);
  }

  /** Launches the browser and returns at once (STARTING); the client's events move the status on. */
  async start(): Promise<void> {
    this.setStatus("STARTING");
    const client = createWebjsClient(this.context.name, this.deps.options, (browser) => this.onLaunched(client, browser));
    bindClientEvents(client, this.handlersFor(client));
    const launching = this.launch(client);
    this.running = { client, settled: launching.catch(() => undefined) };
    launching.catch((error: unknown) => this.onStartFailed(client, error));
  }

  async stop(): Promise<void> {
    await this.closeAll(this.release());
    this.setStatus("STOPPED");
  }

  /** Unlinks the device on WhatsApp's side when linked, then forgets the auth state either way. */
  async logout(): Promise<void> {
    const linked = this.current === "WORKING";
    const running = this.release();
    if (running && linked) {
      await running.client.logout().catch((error: unknown) => this.deps.logger.warn(`session ${this.context.name}: logout failed`, error));
    }
    await this.closeAll(running);
    await rm(sessionAuthDir(this.deps.options, this.context.name), { recursive: true, force: true });
    this.setStatus("STOPPED");
  }

  getQR(): EngineQRCode {
    const value = this.qr;
    if (this.current !== "SCAN_QR_CODE" || !value) throw this.statusError("SCAN_QR_CODE");
    return { value, png: () => QRCode.toBuffer(value, { type: "png", errorCorrectionLevel: "L", margin: 2, width: 264 }) };
  }

  override async requestCode(phoneNumber: string): Promise<{ code: string }> {
    const running = this.running;
    if (this.current !== "SCAN_QR_CODE" || !running) throw this.statusError("SCAN_QR_CODE");
    return { code: formatPairingCode(await running.client.requestPairingCode(phoneNumber.replace(/\D/g, ""), true)) };
  }

  me(): MeInfo | null {
    return this.current === "WORKING" ? toMe(this.running?.client.info) : null;
  }

  /** The client of a WORKING session; anything else is 422, as in WAHA. */
  private requireClient(): Client {
    if (this.current !== "WORKING" || !this.running) throw this.statusError("WORKING");
    return this.running.client;
  }

  private onLaunched(client: Client, browser: Browser): void {
    // Throwing makes initialize() reject; whoever stopped the session closes this browser.
    if (this.running?.client !== client) throw new Error("The session was stopped while its browser started");
    browser.on("disconnected", () => void this.fail(client, crashReason));
  }

  /**
   * `initialize()` rejected: no network, or a browser that died under it. A dead browser fails the
   * page load before Puppeteer reports the disconnect, so ask the kernel whether it still runs.
   */
  private async onStartFailed(client: Client, error: unknown): Promise<void> {
    const pid = client.pupBrowser?.process()?.pid;
    const crashed = pid !== undefined && !isRunning(pid);
    await this.fail(client, crashed ? crashReason : `WhatsApp Web did not start: ${reasonOf(error)}`);
  }

  private handlersFor(client: Client): WebjsEventHandlers {
    // A client that is no longer the session's (stopped, replaced) has nothing more to say.
    const current = () => this.running?.client === client;
    return {
      qr: (value) => {
        if (!current()) return;
        this.qr = value;
        this.setStatus("SCAN_QR_CODE");
      },
      ready: () => {
        if (!current()) return;
        this.qr = null;
        this.setStatus("WORKING");
      },
      failed: (reason) => void this.fail(client, reason),
      status: (status) => {
        if (current()) this.setStatus(status);
      },
      event: (event, payload) => {
        if (current()) this.context.events.event(event, payload);
      },
      sourceOf: (messageId) => this.messaging.sourceOf(messageId),
      me: () => this.me()?.id ?? "",
    };
  }

  /** The session cannot go on: closes everything, then reports FAILED with the reason. */
  private async fail(client: Client, reason: string): Promise<void> {
    if (this.running?.client !== client) return;
    await this.closeAll(this.release());
    this.setStatus("FAILED", reason);
  }

  private async launch(client: Client): Promise<void> {
    // A browser left by a copy of the service that was killed would hold the profile's lock.
    await this.reap();
    if (this.running?.client === client) await client.initialize();
  }

  /** Lets go of the current client: from here on its events and its browser's exit mean nothing. */
  private release(): Running | null {
    const running = this.running;
    this.running = null;
    this.qr = null;
    return running;
  }

  /** Closes a released client and waits until every client this session had is closed. */
  private async closeAll(running: Running | null): Promise<void> {
    if (running) {
      const closed = this.close(running).finally(() => this.closing.delete(closed));
      this.closing.add(closed);
    }
    await Promise.all(this.closing);
  }

  private async close(running: Running): Promise<void> {
    const destroy = () => running.client.destroy().catch((error: unknown) => this.deps.logger.debug(`session ${this.context.name}: destroy failed`, error));
    await destroy();
    // A start still launching its browser rejects once it sees the session stopped (onLaunched).
    await settledWithin(running.settled, settleTimeoutMs);
    await destroy();
    await this.reap();
  }

  /** Kills what still runs on the session's profile (a crashed browser's helpers) and waits until it is gone. */
  private async reap(): Promise<void> {
    const deadline = Date.now() + reapTimeoutMs;
    for (let pids = processesUsingProfile(this.profile); pids.length > 0; pids = processesUsingProfile(this.profile)) {
      if (Date.now() > deadline) {
        this.deps.logger.error(`session ${this.context.name}: Chromium processes ${pids.join(", ")} did not exit`);
        return;
      }
      killProcesses(pids);
      await sleep(20);
    }
  }

  private statusError(expected: SessionStatus) {
    return unprocessable(`Session status is not as expected: it is ${this.current}, this needs ${expected}`);
  }

  private setStatus(status: SessionStatus, reason?: string): void {
    if (status === this.current && status !== "STARTING") return;
    this.current = status;
    this.context.events.status(status, reason);
  }
}
