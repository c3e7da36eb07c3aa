import QRCode from "qrcode";
import type { QRCode as EngineQRCode } from "../engine.ts";
import { newQrValue } from "./simulated-phone.ts";

type QrRotationOptions = { intervalMs: number; maxRotations: number; onExpired: () => void };

/**
 * The QR code of a session waiting to be linked: a new value every `intervalMs`, as WhatsApp
 * shows, and `onExpired` once `maxRotations` values went unscanned.
 */
export class QrRotation {
  private current = newQrValue();
  private shown = 1;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly options: QrRotationOptions) {
    this.timer = setInterval(() => this.rotate(), options.intervalMs);
  }

  get value(): string {
    return this.current;
  }

  /** The current value and its PNG rendering. */
  code(): EngineQRCode {
    const value = this.current;
    return { value, png: () => QRCode.toBuffer(value, { type: "png", errorCorrectionLevel: "L", margin: 2, width: 264 }) };
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private rotate(): void {
    if (this.shown >= this.options.maxRotations) {
      this.stop();
      this.options.onExpired();
      return;
    }
    this.current = newQrValue();
    this.shown += 1;
  }
}
