/**
 * The sandbox's timings, close to WhatsApp's by default. Tests and demos shrink them with
 * `timeScale` (WHATSAPP_SANDBOX_TIME_SCALE) or set each one.
 */
export type SandboxOptions = {
  /** From STARTING to SCAN_QR_CODE or WORKING (connecting to the "network"). */
  startDelayMs: number;
  /** WhatsApp shows a new QR value every 20 s. */
  qrRotationMs: number;
  /** How many QR values are shown before an unscanned session goes FAILED (as WAHA does). */
  qrMaxRotations: number;
  /** Delays after sending until the SERVER, DEVICE and READ acks, each from the previous one. */
  ackDelaysMs: { server: number; device: number; read: number };
  /**
   * How simulated contacts answer after reading: typing starts after `typing`, the reply follows
   * `reply` later; a reaction comes `reaction` after the read.
   */
  contactDelaysMs: { typing: number; reply: number; reaction: number };
  /** Whether a linked session starts with its contacts' and groups' past messages (the phone's sync). */
  chatHistory: boolean;
};

export const defaultSandboxOptions: SandboxOptions = {
  startDelayMs: 500,
  qrRotationMs: 20_000,
  qrMaxRotations: 6,
  ackDelaysMs: { server: 300, device: 1_000, read: 3_000 },
  contactDelaysMs: { typing: 1_000, reply: 2_500, reaction: 1_500 },
  chatHistory: true,
};

/** The defaults multiplied by `timeScale`, then the explicit overrides. */
export function resolveSandboxOptions(timeScale = 1, overrides: Partial<SandboxOptions> = {}): SandboxOptions {
  const scale = (ms: number) => Math.round(ms * timeScale);
  const { ackDelaysMs, contactDelaysMs } = defaultSandboxOptions;
  return {
    startDelayMs: scale(defaultSandboxOptions.startDelayMs),
    qrRotationMs: scale(defaultSandboxOptions.qrRotationMs),
    qrMaxRotations: defaultSandboxOptions.qrMaxRotations,
    ackDelaysMs: { server: scale(ackDelaysMs.server), device: scale(ackDelaysMs.device), read: scale(ackDelaysMs.read) },
    contactDelaysMs: { typing: scale(contactDelaysMs.typing), reply: scale(contactDelaysMs.reply), reaction: scale(contactDelaysMs.reaction) },
    chatHistory: defaultSandboxOptions.chatHistory,
    ...overrides,
  };
}
