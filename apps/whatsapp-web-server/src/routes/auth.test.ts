import { describe, expect, test } from "bun:test";
import { api, createTestApp, request, testApiKey, waitFor } from "../test-helpers.ts";

type Json = Record<string, unknown>;
const pngMagic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function waitingForScan(options: Parameters<typeof createTestApp>[0] = {}) {
  const app = createTestApp(options);
  await api(app, "POST", "/api/sessions", { name: "qr" });
  await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/qr")).json()) as Json).status === "SCAN_QR_CODE");
  return app;
}

async function rawQr(app: ReturnType<typeof createTestApp>) {
  return ((await (await api(app, "GET", "/api/qr/auth/qr?format=raw")).json()) as Json).value as string;
}

describe("GET /api/{session}/auth/qr", () => {
  test("gives a PNG image by default", async () => {
    const app = await waitingForScan();
    const response = await request(app, "/api/qr/auth/qr", { headers: { "X-Api-Key": testApiKey } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual(pngMagic);
  });

  test("gives a Base64File to JSON clients and the value with format=raw", async () => {
    const app = await waitingForScan();
    const response = await request(app, "/api/qr/auth/qr?format=image", { headers: { "X-Api-Key": testApiKey, Accept: "application/json" } });
    const body = (await response.json()) as Json;
    expect(body.mimetype).toBe("image/png");
    expect([...Buffer.from(body.data as string, "base64").subarray(0, 8)]).toEqual(pngMagic);
    expect(await rawQr(app)).toMatch(/^2@[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]+$/);
  });

  test("rejects an unknown format with 400", async () => {
    const app = await waitingForScan();
    expect((await api(app, "GET", "/api/qr/auth/qr?format=svg")).status).toBe(400);
  });

  test("rotates the value, then fails the session after the last unscanned one", async () => {
    const app = await waitingForScan({ sandbox: { qrRotationMs: 40, qrMaxRotations: 3 } });
    const first = await rawQr(app);
    const second = await waitFor(async () => {
      const value = await rawQr(app);
      return value !== first && value;
    });
    expect(second).not.toBe(first);
    await waitFor(async () => ((await (await api(app, "GET", "/api/sessions/qr")).json()) as Json).status === "FAILED", 2_000, "FAILED");
    const response = await api(app, "GET", "/api/qr/auth/qr");
    expect(response.status).toBe(422);
  });

  test("answers 404 for an unknown session and 422 outside SCAN_QR_CODE", async () => {
    const app = createTestApp();
    expect((await api(app, "GET", "/api/ghost/auth/qr")).status).toBe(404);
    await api(app, "POST", "/api/sessions", { name: "stopped", start: false });
    const response = await api(app, "GET", "/api/stopped/auth/qr");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ statusCode: 422, error: "Unprocessable Entity" });
  });
});

describe("POST /api/{session}/auth/request-code", () => {
  test("gives a pairing code that links the sandbox session", async () => {
    const app = await waitingForScan();
    const response = await api(app, "POST", "/api/qr/auth/request-code", { phoneNumber: "12132132130" });
    expect(response.status).toBe(201);
    const { code } = (await response.json()) as { code: string };
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await api(app, "POST", "/api/sandbox/qr/scan", { code: "WRON-GCOD" })).status).toBe(422);
    expect((await api(app, "POST", "/api/sandbox/qr/scan", { code })).status).toBe(201);
  });

  test("validates the phone number", async () => {
    const app = await waitingForScan();
    const response = await api(app, "POST", "/api/qr/auth/request-code", { phoneNumber: "call me" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).message).toContain("phoneNumber");
  });
});
