import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const appPorts = [3000, 3001, 3002, 4321, 8787, 8788];

export interface Stack {
  process: ChildProcess;
  dataDir: string;
  output: () => string;
  /** Sends Ctrl-C (SIGINT) as a terminal would and resolves with the exit code. */
  interrupt: () => Promise<number | null>;
}

/**
 * Runs the README's first command (`npm start`, i.e. scripts/start.sh) with its own data folder
 * and resolves once it prints READY, so the tests see exactly what a newcomer sees.
 */
export async function startStack(timeoutMs = 300_000): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "nexis-e2e-"));
  const child = spawn("bash", ["scripts/start.sh"], {
    cwd: repoRoot,
    env: { ...newcomerEnv(), DATA_DIR: dataDir, NEXIS_START_TIMEOUT: String(Math.floor(timeoutMs / 1000) - 30) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Stop what did start, or the next run finds the ports taken (start.sh's own Ctrl-C trap
      // waits for its readiness probe, so end the whole tree here).
      for (const pid of [...descendantsOf(child.pid ?? 0), child.pid ?? 0]) {
        try {
          if (pid) process.kill(pid, "SIGTERM");
        } catch {
          // Already gone.
        }
      }
      reject(new Error(`The apps did not start in time:\n${log.slice(-4000)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("READY")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`start.sh exited with ${code} before the apps were ready:\n${log.slice(-4000)}`));
    });
  });
  return {
    process: child,
    dataDir,
    output: () => log,
    interrupt: () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

// Variables the test runner sets for itself (NODE_ENV=test, VITEST, and Vite's MODE, BASE_URL,
// DEV, PROD, SSR); the apps must start as they do from a newcomer's shell, without them.
const testRunnerVariables = /^(VITEST.*|NODE_ENV|TEST|MODE|BASE_URL|DEV|PROD|SSR)$/;

function newcomerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !testRunnerVariables.test(name)));
}

/** Every process below `pid`, found through ps. */
export function descendantsOf(pid: number): number[] {
  const table = execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of table) {
      if (ppid === parent) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true when something accepts TCP connections on the port. */
export async function isListening(port: number): Promise<boolean> {
  const { connect } = await import("node:net");
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
