import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serverNodeFlags } from "../src/node-flags.ts";

const serverDir = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(serverDir, file), "utf8");

describe("the server's Node flags", () => {
  it("are the same wherever the server starts: dev, start and the Docker image", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    const dockerCmd = read("Dockerfile").split("\n").find((line) => line.startsWith("CMD ")) ?? "";
    for (const flag of serverNodeFlags) {
      expect(scripts.dev).toContain(` ${flag} `);
      expect(scripts.start).toContain(` ${flag} `);
      expect(dockerCmd).toContain(`"${flag}"`);
    }
  });

  it("are the ones these tests run under", () => {
    expect(process.execArgv).toEqual(expect.arrayContaining(serverNodeFlags));
  });
});
