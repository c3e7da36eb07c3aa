import { describe, expect, test } from "bun:test";
import { sessionOfRequest } from "./session-of-request.ts";

const of = (method: string, path: string, body?: unknown) => {
  const request = new Request(`http://worker${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return sessionOfRequest(request, new URL(request.url));
};

describe("sessionOfRequest: which session a request is for (cluster routing)", () => {
  test("finds it in the path, the query or the JSON body, wherever WAHA puts it", async () => {
    expect(await of("GET", "/api/default/chats")).toBe("default");
    expect(await of("GET", "/api/default/lids/pn/15551234567@c.us")).toBe("default");
    expect(await of("GET", "/api/sessions/s-1")).toBe("s-1");
    expect(await of("POST", "/api/sessions/s-1/start")).toBe("s-1");
    expect(await of("GET", "/api/files/s_2/true_1@c.us_3EB0.jpeg")).toBe("s_2");
    expect(await of("POST", "/api/sandbox/s3/scan", {})).toBe("s3");
    expect(await of("GET", "/api/contacts/all?session=s4")).toBe("s4");
    expect(await of("POST", "/api/sendText", { session: "s5", chatId: "1@c.us", text: "hi" })).toBe("s5");
    expect(await of("POST", "/api/sessions", { name: "new-one" })).toBe("new-one");
  });

  test("leaves alone what names no session, or an invalid name (the route answers 400)", async () => {
    expect(await of("GET", "/api/sessions")).toBeNull();
    expect(await of("GET", "/api/server/status")).toBeNull();
    expect(await of("GET", "/api/x/workers")).toBeNull();
    expect(await of("POST", "/api/sessions", {})).toBeNull();
    expect(await of("GET", "/api/bad.name/chats")).toBeNull();
    expect(await of("POST", "/api/sendText", "not json object")).toBeNull();
  });

  test("reads the body from a copy, so the route still gets it", async () => {
    const request = new Request("http://worker/api/sendText", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"session":"s6"}' });
    expect(await sessionOfRequest(request, new URL(request.url))).toBe("s6");
    expect(await request.json()).toEqual({ session: "s6" });
  });
});
