import { describe, expect, test } from "bun:test";
import { api, createTestApp, request, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;
type App = ReturnType<typeof createTestApp>;
type Contact = { id: string; number: string };

async function waitForStatus(app: App, name: string, status: string) {
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as Json).status === status);
}

async function linked(name: string): Promise<App> {
  const app = createTestApp();
  await api(app, "POST", "/api/sessions", { name });
  await waitForStatus(app, name, "SCAN_QR_CODE");
  await api(app, "POST", `/api/sandbox/${name}/scan`);
  return app;
}

const json = async (app: App, path: string) => (await api(app, "GET", path)).json() as Promise<unknown>;

describe("sandbox hidden ids (/lids)", () => {
  test("every person of the address book has a stable @lid that maps to their phone and back", async () => {
    const app = await linked("lids");
    const contacts = (await json(app, "/api/contacts/all?session=lids")) as Contact[];
    const all = (await json(app, "/api/lids/lids")) as Array<{ lid: string; pn: string }>;
    expect(all).toHaveLength(contacts.length);
    expect(all.map((pair) => pair.pn).sort()).toEqual(contacts.map((contact) => contact.id).sort());
    expect(all.every((pair) => /^\d{15}@lid$/.test(pair.lid))).toBe(true);
    expect(await json(app, "/api/lids/lids/count")).toEqual({ count: contacts.length });
    expect(await json(app, "/api/lids/lids?limit=2&offset=1")).toEqual(all.slice(1, 3));

    const [first] = all as [{ lid: string; pn: string }];
    expect(await json(app, `/api/lids/lids/${first.lid}`)).toEqual(first);
    expect(await json(app, `/api/lids/lids/${encodeURIComponent(first.lid)}`)).toEqual(first);
    expect(await json(app, `/api/lids/lids/${first.lid.replace("@lid", "")}`)).toEqual(first);
    expect(await json(app, `/api/lids/lids/pn/${first.pn}`)).toEqual(first);
    expect(await json(app, `/api/lids/lids/pn/${first.pn.replace("@c.us", "")}`)).toEqual(first);

    // WAHA's schema has no nulls: what is unknown is left out, with a 200.
    expect(await json(app, "/api/lids/lids/999999999999999@lid")).toEqual({ lid: "999999999999999@lid" });
    expect(await json(app, "/api/lids/lids/pn/5511900000000")).toEqual({ pn: "5511900000000@c.us" });

    // The same session name links to the same phone, hence the same people and ids.
    expect(await json(await linked("lids"), "/api/lids/lids")).toEqual(all);
  });

  test("needs the key, a linked session and well-formed ids", async () => {
    const app = createTestApp();
    await api(app, "POST", "/api/sessions", { name: "early" });
    await waitForStatus(app, "early", "SCAN_QR_CODE");
    expect((await request(app, "/api/early/lids")).status).toBe(401);
    expect((await api(app, "GET", "/api/early/lids/count")).status).toBe(422);
    expect((await api(app, "GET", "/api/ghost/lids/123456789012345@lid")).status).toBe(404);
    expect((await api(app, "GET", "/api/early/lids/12345@c.us")).status).toBe(400);
    expect((await api(app, "GET", "/api/early/lids/pn/not-a-phone")).status).toBe(400);
    expect((await api(app, "GET", "/api/early/lids?limit=0")).status).toBe(400);
    const body = (await (await api(app, "GET", "/api/early/lids/count")).json()) as Json;
    expect(body).toMatchObject({ statusCode: 422 });
  });
});
