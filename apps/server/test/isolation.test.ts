import { queryRows } from "@nexis/db";
import { listAudit } from "@nexis/db/queries/audit";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixture, callRaw, procedureCases, routerProcedures, snapshotWorkspace, type Fixture } from "./support/procedures.ts";
import { startTestServer, type TestServer, type TestUser } from "./support/server.ts";

let server: TestServer;
let alice: TestUser;
let bob: TestUser;
let aliceData: Fixture;
let bobData: Fixture;

beforeAll(async () => {
  // Sessions are reused for `sessionCacheMs`; short here, so a session row changed behind the
  // server's back (below) is read again after a brief wait.
  server = await startTestServer({ sessionCacheMs: 100 });
  [alice, bob] = await Promise.all([server.signUp("Alice"), server.signUp("Bob")]);
  aliceData = await buildFixture(server, alice);
  bobData = await buildFixture(server, bob);
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe("tenant isolation", () => {
  it("has a case for every procedure of the router", () => {
    const missing = routerProcedures().filter(({ path }) => !(path in procedureCases));
    expect(missing.map(({ path }) => path)).toEqual([]);
  });

  const idTaking = Object.entries(procedureCases).filter(([, testCase]) =>
    Object.values(testCase.fields ?? {}).some((kind) => kind === "id" || kind === "ids"),
  );

  it.each(idTaking.map(([path]) => path))("%s with the other workspace's ids answers NOT_FOUND or FORBIDDEN and changes nothing", async (path) => {
    const testCase = procedureCases[path];
    const procedure = routerProcedures().find((candidate) => candidate.path === path);
    if (!testCase?.input || !procedure) throw new Error(`no case for ${path}`);
    const before = await snapshotWorkspace(server.database.db, bobData.workspaceId);
    const response = await callRaw(server.baseUrl, path, procedure.type, testCase.input(bobData), { authorization: `Bearer ${alice.token}` });
    const body = (await response.json()) as { error?: { data?: { code?: string } } };
    expect([403, 404]).toContain(response.status);
    expect(["NOT_FOUND", "FORBIDDEN"]).toContain(body.error?.data?.code);
    expect(await snapshotWorkspace(server.database.db, bobData.workspaceId)).toBe(before);
  });

  it("refused calls left no audit rows behind (the change and its audit row share a transaction)", async () => {
    const trail = await listAudit(server.database.db, { workspaceId: aliceData.workspaceId, limit: 50 });
    expect(trail.map((entry) => entry.action).sort()).toEqual(["account.create", "member.invite"]);
  });

  it("lists show only the caller's own workspace", async () => {
    const bobIds = new Set(Object.values(bobData));
    const lists = await Promise.all([
      alice.trpc.getAccounts.query(),
      alice.trpc.account.list.query(),
      alice.trpc.tag.list.query(),
      alice.trpc.folder.list.query(),
      alice.trpc.template.list.query(),
      alice.trpc.workspace.listMine.query(),
    ]);
    for (const list of lists) {
      expect(list).toHaveLength(1);
      expect(list.some((row) => bobIds.has(row.id))).toBe(false);
    }
    expect((await alice.trpc.workspace.get.query()).id).not.toBe(bobData.workspaceId);
  });

  it("a session pointed at a foreign workspace is refused", async () => {
    // Even if a session row named another workspace, membership is checked on every call.
    await queryRows(server.database.db, sql`update session set active_organization_id = ${bobData.workspaceId} where user_id = ${alice.userId}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = await snapshotWorkspace(server.database.db, bobData.workspaceId);
    const response = await callRaw(server.baseUrl, "tag.create", "mutation", { name: "Intruder" }, { authorization: `Bearer ${alice.token}` });
    expect(response.status).toBe(403);
    expect((await callRaw(server.baseUrl, "account.list", "query", undefined, { authorization: `Bearer ${alice.token}` })).status).toBe(403);
    expect(await snapshotWorkspace(server.database.db, bobData.workspaceId)).toBe(before);
  });
});
