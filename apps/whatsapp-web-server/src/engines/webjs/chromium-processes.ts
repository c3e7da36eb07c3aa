import { readdirSync, readFileSync } from "node:fs";

/**
 * Chromium's processes as Linux's /proc shows them. Each WEBJS session runs its browser on its own
 * profile directory, and every Chromium process (browser, zygotes, renderers, utilities) carries
 * `--user-data-dir=<that directory>` on its command line, so the directory names a session's
 * processes exactly, even those another copy of the service left behind.
 */

function readProc(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    // The process exited between listing and reading it.
    return null;
  }
}

function allPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** The processes whose command line has an argument for which `matches` holds. */
export function processesWithArgument(matches: (argument: string) => boolean): number[] {
  return allPids().filter((pid) => readProc(pid, "cmdline")?.split("\0").some(matches) ?? false);
}

/** The processes running with `--user-data-dir=<profileDir>`. */
export function processesUsingProfile(profileDir: string): number[] {
  const flag = `--user-data-dir=${profileDir}`;
  return processesWithArgument((argument) => argument === flag);
}

/** Whether a process runs: it exists and is not a zombie (dead, waiting for its parent to reap it). */
export function isRunning(pid: number): boolean {
  const stat = readProc(pid, "stat");
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
}

/** SIGKILLs each process; one that already exited is not an error. */
export function killProcesses(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

/** `pid` and all its descendants (from each process's parent in /proc/<pid>/stat). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const candidate of allPids()) {
    // The command name (field 2) is in parentheses and may hold spaces; the parent id follows it.
    const stat = readProc(candidate, "stat");
    const parent = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : NaN;
    if (Number.isNaN(parent)) continue;
    children.set(parent, [...(children.get(parent) ?? []), candidate]);
  }
  const tree = [pid];
  // A for-of over an array also visits what is appended meanwhile: a breadth-first walk.
  for (const member of tree) tree.push(...(children.get(member) ?? []));
  return tree.filter((member) => readProc(member, "stat") !== null);
}

/** A process's resident set size in bytes (VmRSS), 0 once it has exited. */
export function residentBytes(pid: number): number {
  const match = readProc(pid, "status")?.match(/^VmRSS:\s+(\d+) kB$/m);
  return match ? Number(match[1]) * 1024 : 0;
}

/** A process's proportional set size in bytes (shared pages split between their users), 0 once it has exited. */
export function proportionalBytes(pid: number): number {
  const match = readProc(pid, "smaps_rollup")?.match(/^Pss:\s+(\d+) kB$/m);
  return match ? Number(match[1]) * 1024 : 0;
}
