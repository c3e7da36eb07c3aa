import { describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { dataDirCheck } from "./health-check.ts";

describe("dataDirCheck", () => {
  test("is up for a writable folder and throws for a missing one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wws-health-"));
    try {
      expect(await dataDirCheck(dir)()).toEqual({ status: "up" });
      await expect(dataDirCheck(path.join(dir, "missing"))()).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
