import { afterEach } from "bun:test";
import type { EngineEvents } from "../engine.ts";
import type { SessionStatus } from "../../waha/types.ts";
import { processesUsingProfile, processesWithArgument } from "./chromium-processes.ts";
import type { WebjsOptions } from "./webjs-client.ts";

/** Debian's Chromium, as the service launches it by default. */
export const browserPath = "/usr/bin/chromium";

const openProxies = new Set<{ stop: (closeActive?: boolean) => void }>();
afterEach(() => {
  for (const proxy of openProxies) proxy.stop(true);
  openProxies.clear();
});

/**
 * A proxy that accepts connections and never answers: with its `args` (`--proxy-server`),
 * WhatsApp Web never loads, so a session stays STARTING with its browser up for as long as a
 * test needs (without it, this machine's missing network fails a start within ~1 s).
 * `loading` resolves when a browser asks it for WhatsApp Web: whatsapp-web.js has launched the
 * browser, handed it over, and is loading the page.
 */
export function hangingProxy(): { args: string[]; loading: Promise<void> } {
  const { promise: loading, resolve } = Promise.withResolvers<void>();
  const proxy = Bun.listen({
    hostname: "127.0.0.1",
    port: 0,
    socket: {
      data(_socket, chunk) {
        if (chunk.toString().startsWith("CONNECT web.whatsapp.com:443")) resolve();
      },
    },
  });
  openProxies.add(proxy);
  return { args: [`--proxy-server=http://127.0.0.1:${proxy.port}`], loading };
}

export function testWebjsOptions(authRoot: string, browserArgs: string[] = []): WebjsOptions {
  return { browserPath, authRoot, qrMaxRetries: 6, browserArgs };
}

/** Chromium processes of anything under `dir` (a test's data directory), whoever started them. */
export function chromiumUnder(dir: string): number[] {
  return processesWithArgument((argument) => argument.startsWith("--user-data-dir=") && argument.includes(dir));
}

/** The browser process itself (Chromium's helpers all carry a `--type=`). */
export function browserPid(profile: string): number | undefined {
  const helpers = new Set(processesWithArgument((argument) => argument.startsWith("--type=")));
  return processesUsingProfile(profile).find((pid) => !helpers.has(pid));
}

/** Engine events that record each status with its reason and let a test await one. */
export function recordingEvents() {
  const statuses: Array<{ status: SessionStatus; reason?: string }> = [];
  const waiters: Array<{ status: SessionStatus; resolve: (reason: string | undefined) => void }> = [];
  const events: EngineEvents = {
    status(status, reason) {
      statuses.push({ status, ...(reason ? { reason } : {}) });
      for (const waiter of waiters.filter((candidate) => candidate.status === status)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(reason);
      }
    },
    event() {},
  };
  /** Resolves with the reason once `status` is reported (or was already). */
  const reached = (status: SessionStatus, timeoutMs = 15_000) => {
    const seen = statuses.find((point) => point.status === status);
    if (seen) return Promise.resolve(seen.reason);
    return new Promise<string | undefined>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${status}; saw ${JSON.stringify(statuses)}`)), timeoutMs);
      waiters.push({ status, resolve: (reason) => (clearTimeout(timer), resolve(reason)) });
    });
  };
  return { events, statuses, reached };
}

/** Polls /proc until `check` holds (processes appear or vanish on their own schedule), or fails. */
export async function waitForProcesses(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(10);
  }
}
