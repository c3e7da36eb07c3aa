import { unprocessable } from "../../errors.ts";
import type { MeInfo, SessionStatus } from "../../waha/types.ts";
import type { EngineSessionContext, QRCode } from "../engine.ts";
import { sandboxDirectory, type SandboxDirectory } from "./sandbox-directory.ts";
import type { SandboxLinkStore } from "./sandbox-link-store.ts";
import { SandboxMessaging } from "./sandbox-messaging.ts";
import { SandboxOperations } from "./sandbox-operations.ts";
import type { SandboxOptions } from "./sandbox-options.ts";
import { QrRotation } from "./sandbox-qr.ts";
import type { SandboxStore } from "./sandbox-store.ts";
import { chatIdOf, newPairingCode, simulatedPhoneNumber } from "./simulated-phone.ts";

export type SandboxDependencies = {
  links: SandboxLinkStore;
  /** Messages, marks and media, kept across stops and restarts. */
  store: SandboxStore;
  /** The URL of a stored media file (`<public URL>/api/files/<session>/<name>`). */
  mediaUrl: (session: string, name: string) => string;
  options: SandboxOptions;
};

/** How a scan links the session: the QR value or pairing code the "phone" read, if checked. */
export type ScanInput = { value?: string; code?: string };

/**
 * A session on the simulated WhatsApp network: its lifecycle (start, QR, scan, link, stop, logout,
 * crash). Linking, acks and inbound messages behave like WhatsApp's, on timers from
 * `SandboxOptions`; the link lives in `SandboxLinkStore`. The WAHA operations are in
 * `SandboxOperations`.
 */
export class SandboxSession extends SandboxOperations {
  readonly engine = "SANDBOX" as const;
  private current: SessionStatus = "STOPPED";
  private qr: QrRotation | null = null;
  private pairingCode: string | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** The linked phone's directory, derived from its number (cheap to rebuild, so not persisted). */
  private directoryCache: { phone: string; directory: SandboxDirectory } | null = null;
  /** Sending and what simulated contacts do; the sandbox routes drive it directly. */
  readonly messaging: SandboxMessaging;

  constructor(
    context: EngineSessionContext,
    private readonly deps: SandboxDependencies,
  ) {
    super(context, deps.store);
    this.messaging = new SandboxMessaging({
      events: context.events,
      options: deps.options,
      later: (ms, run) => this.later(ms, run),
      me: () => this.requireMe(),
      directory: () => this.directory(),
      store: { messages: deps.store.messages(context.name), state: deps.store.state(context.name), media: deps.store.media(context.name) },
      mediaUrl: (name) => deps.mediaUrl(context.name, name),
    });
  }

  get status(): SessionStatus {
    return this.current;
  }

  async start(): Promise<void> {
    this.setStatus("STARTING");
    this.later(this.deps.options.startDelayMs, () => {
      if (this.deps.links.get(this.context.name)) this.becomeWorking();
      else this.waitForScan();
    });
  }

  async stop(): Promise<void> {
    this.clear();
    this.setStatus("STOPPED");
  }

  async logout(): Promise<void> {
    this.clear();
    this.messaging.forget();
    this.deps.links.delete(this.context.name);
    this.setStatus("STOPPED");
  }

  getQR(): QRCode {
    if (this.current !== "SCAN_QR_CODE" || !this.qr) throw this.statusError("SCAN_QR_CODE");
    return this.qr.code();
  }

  override async requestCode(_phoneNumber: string): Promise<{ code: string }> {
    if (this.current !== "SCAN_QR_CODE") throw this.statusError("SCAN_QR_CODE");
    this.pairingCode = newPairingCode();
    return { code: this.pairingCode };
  }

  me(): MeInfo | null {
    if (this.current !== "WORKING") return null;
    const link = this.deps.links.get(this.context.name);
    return link ? { id: chatIdOf(link.phone), pushName: link.pushName } : null;
  }

  /** Our extension: the simulated phone scans the QR (or enters the pairing code) and links. */
  scan(input: ScanInput = {}): void {
    if (this.current !== "SCAN_QR_CODE" || !this.qr) throw this.statusError("SCAN_QR_CODE");
    if (input.value !== undefined && input.value !== this.qr.value) {
      throw unprocessable("QR code value does not match the current one (it rotates every few seconds)");
    }
    if (input.code !== undefined && input.code !== this.pairingCode) throw unprocessable("Pairing code does not match");
    const phone = simulatedPhoneNumber(this.context.name);
    this.deps.links.save({ session: this.context.name, phone, pushName: `Sandbox ${this.context.name}`, linkedAt: Date.now() });
    this.clear();
    this.becomeWorking();
  }

  /** The linked phone's simulated contacts and groups; throws (422) unless WORKING. */
  override directory(): SandboxDirectory {
    const me = this.requireMe();
    const phone = me.id.split("@")[0] ?? me.id;
    if (this.directoryCache?.phone !== phone) this.directoryCache = { phone, directory: sandboxDirectory(phone) };
    return this.directoryCache.directory;
  }

  /** Our extension: the user logs this device out from the phone; WAHA reports FAILED. */
  logoutFromPhone(): void {
    this.requireMe();
    this.clear();
    this.messaging.forget();
    this.deps.links.delete(this.context.name);
    this.setStatus("FAILED", "Logged out from the phone");
  }

  /** Our extension: the session crashes (as a browser would); the link survives a restart. */
  crash(): void {
    if (this.current === "STOPPED") throw this.statusError("WORKING");
    this.clear();
    this.setStatus("FAILED", "Session crashed");
  }

  private waitForScan(): void {
    const { qrRotationMs, qrMaxRotations } = this.deps.options;
    this.qr = new QrRotation({
      intervalMs: qrRotationMs,
      maxRotations: qrMaxRotations,
      onExpired: () => {
        this.qr = null;
        this.setStatus("FAILED", "QR code was not scanned in time");
      },
    });
    this.setStatus("SCAN_QR_CODE");
  }

  /** Linked and connected: the phone syncs its chat history, as WhatsApp Web's first sync does. */
  private becomeWorking(): void {
    this.setStatus("WORKING");
    this.messaging.loadHistory();
    this.messaging.resumeAcks();
  }

  protected override requireMe(): MeInfo {
    const me = this.me();
    if (!me) throw this.statusError("WORKING");
    return me;
  }

  private statusError(expected: SessionStatus) {
    return unprocessable(`Session status is not as expected: it is ${this.current}, this needs ${expected}`);
  }

  private setStatus(status: SessionStatus, reason?: string): void {
    if (status === this.current && status !== "STARTING") return;
    this.current = status;
    this.context.events.status(status, reason);
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Frees the session's timers and QR: a stopped session holds nothing in memory (its chats stay stored). */
  private clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.qr?.stop();
    this.qr = null;
    this.pairingCode = null;
    this.directoryCache = null;
    this.messaging.reset();
  }
}
