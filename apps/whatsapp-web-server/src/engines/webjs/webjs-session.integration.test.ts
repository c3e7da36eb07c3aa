import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { silentLogger } from "../../logger.ts";
import { createTempDataDir } from "../../test-helpers.ts";
import { processesUsingProfile } from "./chromium-processes.ts";
import { chromiumFlags, profileDir, sessionAuthDir, type WebjsOptions } from "./webjs-client.ts";
import { WebjsSession } from "./webjs-session.ts";
import { browserPid, chromiumUnder, hangingProxy, recordingEvents, testWebjsOptions, waitForProcesses } from "./webjs-test-helpers.ts";

// These launch the real Chromium (WHATSAPP_BROWSER_PATH's default). This machine has no internet,
// so WhatsApp Web never loads: a plain start fails within about a second, and a start through
// `hangingProxy` stays STARTING with its browser up.

function createSession(name: string, options: WebjsOptions) {
  const recorder = recordingEvents();
  const session = new WebjsSession({ name, events: recorder.events }, { options, logger: silentLogger });
  return { session, profile: profileDir(options, name), ...recorder };
}

/** Starts a session whose WhatsApp Web never loads, and waits until its browser is asking for it. */
async function startLoading(name: string, dataDir: string) {
  const proxy = hangingProxy();
  const started = createSession(name, testWebjsOptions(dataDir, proxy.args));
  await started.session.start();
  await proxy.loading;
  return started;
}

describe("WEBJS session with the system Chromium", () => {
  test("launches, fails without network with the reason, and leaves no browser", async () => {
    const dataDir = createTempDataDir();
    const { session, profile, statuses, reached } = createSession("offline", testWebjsOptions(dataDir));
    await session.start();
    expect(session.status).toBe("STARTING");
    const reason = await reached("FAILED");
    expect(reason).toContain("ERR_NAME_NOT_RESOLVED");
    expect(statuses.map((point) => point.status)).toEqual(["STARTING", "FAILED"]);
    expect(processesUsingProfile(profile)).toEqual([]);
    expect(() => session.getQR()).toThrow("this needs SCAN_QR_CODE");
    await session.stop();
  }, 20_000);

  test("20 start/stop cycles, stopped while launching, while loading and after failing, leave no Chromium", async () => {
    const dataDir = createTempDataDir();
    const options = testWebjsOptions(dataDir);
    // Four sessions side by side, five cycles each; the cycle number picks when to stop.
    const run = async (lane: number) => {
      for (let cycle = 0; cycle < 5; cycle++) {
        const { session, profile, reached } = createSession(`cycle-${lane}`, options);
        await session.start();
        const moment = (lane + cycle) % 3;
        if (moment === 1) await waitForProcesses(() => browserPid(profile) !== undefined || session.status === "FAILED", "a launched browser");
        if (moment === 2) await reached("FAILED");
        await session.stop();
        expect(session.status).toBe("STOPPED");
        expect(processesUsingProfile(profile)).toEqual([]);
      }
    };
    await Promise.all([0, 1, 2, 3].map(run));
    expect(chromiumUnder(dataDir)).toEqual([]);
  }, 60_000);

  test("notices a killed browser: FAILED with the reason, nothing left behind", async () => {
    const { session, profile, reached } = await startLoading("crash", createTempDataDir());
    expect(session.status).toBe("STARTING");
    process.kill(browserPid(profile) ?? 0, "SIGKILL");
    expect(await reached("FAILED")).toBe("The browser exited unexpectedly (crashed or killed)");
    expect(processesUsingProfile(profile)).toEqual([]);
    await session.stop();
  }, 20_000);

  test("a start first kills a browser left on the session's profile (by a service that was SIGKILLed)", async () => {
    const options = testWebjsOptions(createTempDataDir());
    const { session, profile, reached } = createSession("orphan", options);
    const orphan = Bun.spawn([options.browserPath, ...chromiumFlags, `--user-data-dir=${profile}`, "about:blank"], { stdout: "ignore", stderr: "ignore" });
    await waitForProcesses(() => processesUsingProfile(profile).includes(orphan.pid), "the orphan browser");
    await session.start();
    expect(await orphan.exited).not.toBe(0);
    expect(await reached("FAILED")).toContain("ERR_NAME_NOT_RESOLVED");
    expect(processesUsingProfile(profile)).toEqual([]);
  }, 20_000);

  test("stop and logout close the browser; logout also forgets the auth state", async () => {
    const dataDir = createTempDataDir();
    const first = await startLoading("closing", dataDir);
    await first.session.stop();
    expect(first.statuses.map((point) => point.status)).toEqual(["STARTING", "STOPPED"]);
    expect(processesUsingProfile(first.profile)).toEqual([]);
    // The profile (where WhatsApp Web keeps the link) outlives a stop...
    expect(existsSync(first.profile)).toBe(true);

    const second = await startLoading("closing", dataDir);
    await second.session.logout();
    expect(second.session.status).toBe("STOPPED");
    expect(processesUsingProfile(second.profile)).toEqual([]);
    // ...but not a logout.
    expect(existsSync(sessionAuthDir(testWebjsOptions(dataDir), "closing"))).toBe(false);
    expect(chromiumUnder(dataDir)).toEqual([]);
  }, 20_000);
});
