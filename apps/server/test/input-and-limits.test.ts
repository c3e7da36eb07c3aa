import { schema } from "@nexis/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, callRaw, procedureCases, routerProcedures, snapshotWorkspace, type FieldKind, type Fixture } from "./support/procedures.ts";
import { startTestServer, subscriptionOrigin, trpcError, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let owner: TestUser;
let fixture: Fixture;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp("Owner");
  fixture = await buildFixture(server, owner);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

const megabyte = "x".repeat(1_000_001);

/** Wrong for any field: other JSON types, huge and negative numbers, 1 MB, NUL, a lone surrogate. */
const badForAnyField: unknown[] = [null, 12, 0, -1, 1e308, -1e308, true, false, [], ["a"], {}, { $gt: "" }, megabyte, "\u0000", "a\ud800"];

const badByKind: Record<FieldKind, unknown[]> = {
  id: ["", "not-a-uuid", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g", "1; drop table tag"],
  ids: [["not-a-uuid"], ["' OR '1'='1"], "' OR 1=1 --", Array.from({ length: 501 }, () => crypto.randomUUID())],
  name: ["", "   ", "line\nbreak", "x".repeat(1000), "tab\there"],
  color: ["red", "#12345", "'; drop table tag; --", "#GGGGGG"],
  phone: ["abc", "' OR 1=1 --", "++1", "1".repeat(40)],
  shortcut: ["with space", "/slash", "x".repeat(40), "' OR 1=1"],
  body: ["", "x".repeat(5000)],
  email: ["", "not-an-email", "a@", "@example.com", "a b@example.com", "user@exa mple.com", `${"x".repeat(250)}@example.com`, "' OR 1=1 --"],
  role: ["", "member", "OWNER", "superadmin", "owner,admin", "' OR 1=1 --"],
  limit: [0, 101, 1.5, "10", -5],
  bool: ["true", 1, "yes"],
  cursor: ["", "abc", "2026-01-01T00:00:00.000Z|not-a-uuid", "' OR 1=1 --", `99999999999999999|${crypto.randomUUID()}`],
  vars: [{ "bad key": "x" }, { a: 5 }, { a: "x".repeat(1001) }, Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`v${index}`, "x"]))],
  confirm: ["wrong name", "x".repeat(201)],
  clientId: ["short", "with space!!", "x".repeat(65), "' OR 1=1 --"],
  assignee: ["mine", "nobody", "' OR 1=1 --", "ME"],
  query: ["", " ", "x", "x".repeat(201)],
  emoji: ["x", "thumbs up", "👍".repeat(10), "' OR 1=1 --"],
};

/** Values of `badForAnyField` that a kind of field rightly accepts. */
const acceptedByKind: Partial<Record<FieldKind, (value: unknown) => boolean>> = {
  limit: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 100,
  bool: (value) => typeof value === "boolean",
  // An empty reaction is how WhatsApp takes one away.
  emoji: (value) => value === "",
  vars: (value) => typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0,
};

/** Malformed inputs for one procedure: each field replaced by bad values or left out, and bad wholes. */
function malformedInputs(path: string): unknown[] {
  const testCase = procedureCases[path];
  if (!testCase?.input || !testCase.fields) return [];
  const valid = testCase.input(fixture);
  const inputs: unknown[] = [undefined, null, "string", 42, [], [valid]];
  for (const [field, kind] of Object.entries(testCase.fields)) {
    const accepted = acceptedByKind[kind] ?? (() => false);
    const values = [...badForAnyField, ...badByKind[kind]].filter(
      (value) => !accepted(value) && !(value === null && testCase.nullable?.includes(field)),
    );
    for (const value of values) inputs.push({ ...valid, [field]: value });
    if (!testCase.optional?.includes(field)) {
      const { [field]: _omitted, ...rest } = valid;
      inputs.push(rest);
    }
  }
  return inputs;
}

describe("bad input", () => {
  const withInput = Object.entries(procedureCases).filter(([, testCase]) => testCase.input);

  it("has a case for every procedure of the router", () => {
    expect(routerProcedures().filter(({ path }) => !(path in procedureCases))).toEqual([]);
  });

  it.each(withInput.map(([path]) => path))("%s answers 400-class to 20+ malformed inputs, never 500, and changes nothing", async (path) => {
    const procedure = routerProcedures().find((candidate) => candidate.path === path);
    if (!procedure) throw new Error(`${path} is not in the router`);
    const inputs = malformedInputs(path);
    expect(inputs.length).toBeGreaterThanOrEqual(20);
    const before = await snapshotWorkspace(server.database.db, fixture.workspaceId);
    for (const input of inputs) {
      const response = await callRaw(server.baseUrl, path, procedure.type, input, { authorization: `Bearer ${owner.token}` });
      const label = `${path} with ${JSON.stringify(input)?.slice(0, 80)}`;
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
      if (response.status === 400) {
        const body = (await response.json()) as { error: { data: { code: string; issues?: { path: string[] }[] } } };
        expect(body.error.data.code, label).toBe("BAD_REQUEST");
      } else {
        await response.body?.cancel();
      }
    }
    expect(await snapshotWorkspace(server.database.db, fixture.workspaceId)).toBe(before);
  });

  it("names the offending fields", async () => {
    const error = await trpcError(owner.trpc.template.create.mutate({ name: "", body: "x".repeat(5000), shortcut: "a b" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.httpStatus).toBe(400);
    const issues = (error.data as { issues?: { path: string[] }[] }).issues ?? [];
    expect(issues.map((issue) => issue.path.join(".")).sort()).toEqual(["body", "name", "shortcut"]);
    expect(error.message).toMatch(/^Invalid input: /);
  });

  it("stores SQL-looking and unusual but valid text literally", async () => {
    const name = "Robert'); DROP TABLE tag;-- 🙂 ﷽";
    const tag = await owner.trpc.tag.create.mutate({ name });
    expect(tag.name).toBe(name);
    expect((await owner.trpc.tag.list.query()).map((row) => row.name)).toContain(name);
    await owner.trpc.tag.delete.mutate({ id: tag.id });
  });
});

describe("plan limits", () => {
  it("refuses the Free plan's second account with a typed PLAN_LIMIT cause, and a paid plan lifts it", async () => {
    expect(await owner.trpc.account.list.query()).toHaveLength(1);
    const error = await trpcError(owner.trpc.account.addAccount.mutate({ name: "Second" }));
    expect(error.data?.code).toBe("FORBIDDEN");
    expect(error.data?.httpStatus).toBe(403);
    expect((error.data as { cause?: unknown }).cause).toEqual({
      code: "PLAN_LIMIT",
      limit: 1,
      used: 1,
      plan: "free",
      upgradeUrl: `${subscriptionOrigin}/pricing`,
    });
    expect(await owner.trpc.account.list.query()).toHaveLength(1);

    await server.database.db.insert(schema.subscription).values({ workspaceId: fixture.workspaceId, plan: "pro", status: "active" });
    expect(await owner.trpc.account.addAccount.mutate({ name: "Second" })).toMatchObject({ name: "Second" });
  });
});
