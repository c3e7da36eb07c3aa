import { createApp, type AppOptions } from "./app.ts";

export const testApiKey = "test-api-key";

/** An app as index.ts builds it, with a known key and no listening socket. */
export function createTestApp(overrides: Partial<AppOptions> = {}) {
  return createApp({ apiKey: testApiKey, engine: "SANDBOX", ...overrides });
}

/** Sends one request through the app in-process. */
export function request(app: ReturnType<typeof createTestApp>, path: string, init: RequestInit = {}) {
  return app.handle(new Request(`http://localhost${path}`, init));
}
