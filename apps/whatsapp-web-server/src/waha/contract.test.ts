import { describe, expect, test } from "bun:test";
import { api, createTestApp, request, startWebhookReceiver, testApiKey, waitFor } from "../test-helpers.ts";
import { checkResponse, checkWebhook, contractOperations } from "./contract-validator.ts";
import wahaRoutes from "./routes.json" with { type: "json" };

type App = ReturnType<typeof createTestApp>;

/** A 1×1 PNG. */
const tinyPng = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

/** Operations seen answering 2xx and answering an error, to prove every one was exercised. */
const covered = { success: new Set<string>(), error: new Set<string>() };

/** Sends a request and checks the real response against the contract of `operation`. */
async function call(app: App, operation: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const method = operation.split(" ")[0] ?? "GET";
  const headers: Record<string, string> = { "X-Api-Key": testApiKey, ...init.headers };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await request(app, path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const contentType = response.headers.get("content-type");
  const text = await response.text();
  const body = contentType?.startsWith("application/json") ? JSON.parse(text) : text;
  expect(checkResponse(operation, response.status, contentType, body)).toEqual([]);
  (response.status < 400 ? covered.success : covered.error).add(operation);
  return { status: response.status, body };
}

async function waitForStatus(app: App, name: string, status: string) {
  await waitFor(async () => ((await (await api(app, "GET", `/api/sessions/${name}`)).json()) as { status: string }).status === status, 2_000, status);
}

describe("contract: WAHA's openapi.json schemas", () => {
  test("sessions, pairing, sending and server routes, success and error responses", async () => {
    const receiver = startWebhookReceiver();
    const app = createTestApp();
    const webhooks = [{ url: receiver.url, events: ["*"], hmac: { key: "k" }, retries: { delaySeconds: 0.01, attempts: 2 } }];

    await call(app, "GET /ping", "/ping");
    await call(app, "GET /health", "/health");
    await call(app, "GET /api/server/version", "/api/server/version");
    await call(app, "GET /api/server/status", "/api/server/status");
    await call(app, "GET /api/server/status", "/api/server/status", { headers: { "X-Api-Key": "wrong" } });

    await call(app, "POST /api/sessions", "/api/sessions", { body: { name: "c", config: { metadata: { k: "v" }, webhooks } } });
    await call(app, "POST /api/sessions", "/api/sessions", { body: { name: "c" } });
    await call(app, "POST /api/sessions", "/api/sessions", { body: { name: "../c" } });
    await call(app, "GET /api/sessions", "/api/sessions");
    await call(app, "GET /api/sessions", "/api/sessions?all=true");
    await call(app, "GET /api/sessions/{session}", "/api/sessions/c");
    await call(app, "GET /api/sessions/{session}", "/api/sessions/ghost");

    await waitForStatus(app, "c", "SCAN_QR_CODE");
    await call(app, "GET /api/{session}/auth/qr", "/api/c/auth/qr");
    await call(app, "GET /api/{session}/auth/qr", "/api/c/auth/qr?format=raw");
    await call(app, "GET /api/{session}/auth/qr", "/api/c/auth/qr?format=image", { headers: { Accept: "application/json" } });
    await call(app, "GET /api/{session}/auth/qr", "/api/ghost/auth/qr");
    await call(app, "POST /api/{session}/auth/request-code", "/api/c/auth/request-code", { body: { phoneNumber: "12132132130" } });
    await call(app, "POST /api/{session}/auth/request-code", "/api/c/auth/request-code", { body: {} });
    await call(app, "GET /api/sessions/{session}/me", "/api/sessions/c/me");
    await call(app, "POST /api/sendText", "/api/sendText", { body: { session: "c", chatId: "5511999999999@c.us", text: "early" } });

    await api(app, "POST", "/api/sandbox/c/scan");
    await call(app, "GET /api/sessions/{session}/me", "/api/sessions/c/me");
    await call(app, "GET /api/sessions/{session}", "/api/sessions/c");
    await call(app, "POST /api/sendText", "/api/sendText", { body: { session: "c", chatId: "5511999999999@c.us", text: "hi" } });
    await call(app, "POST /api/sendText", "/api/sendText", { body: { session: "c", chatId: "bad", text: "hi" } });
    const chatId = "5511999999999@c.us";
    const sent = await call(app, "POST /api/sendText", "/api/sendText", { body: { session: "c", chatId, text: "quoted" } });
    const quotedId = (sent.body as { id: string }).id;
    await call(app, "POST /api/reply", "/api/reply", { body: { session: "c", chatId, text: "re", reply_to: quotedId } });
    await call(app, "POST /api/reply", "/api/reply", { body: { session: "c", chatId, text: "re", reply_to: "false_1@c.us_NOPE" } });
    await call(app, "POST /api/sendLocation", "/api/sendLocation", { body: { session: "c", chatId, latitude: 38.89, longitude: -77.09, title: "Office" } });
    await call(app, "POST /api/sendLocation", "/api/sendLocation", { body: { session: "c", chatId, latitude: 91, longitude: 0, title: "x" } });
    const contact = { fullName: "Jane Doe", phoneNumber: "+91 11111 11111", organization: "ACME" };
    await call(app, "POST /api/sendContactVcard", "/api/sendContactVcard", { body: { session: "c", chatId, contacts: [contact] } });
    await call(app, "POST /api/sendContactVcard", "/api/sendContactVcard", { body: { session: "c", chatId, contacts: [] } });
    const image = { mimetype: "image/png", filename: "dot.png", data: tinyPng };
    for (const [operation, file] of [
      ["POST /api/sendImage", image],
      ["POST /api/sendFile", { mimetype: "application/pdf", filename: "a.pdf", data: "JVBERi0xLjQK" }],
      ["POST /api/sendVoice", { mimetype: "audio/ogg; codecs=opus", data: "T2dnUwACAAAA" }],
      ["POST /api/sendVideo", { mimetype: "video/mp4", filename: "v.mp4", data: "AAAAIGZ0eXBpc29t" }],
    ] as const) {
      const path = operation.split(" ")[1] ?? "";
      const sentMedia = await call(app, operation, path, { body: { session: "c", chatId, file, caption: "look", convert: false } });
      // The document types these answers as a bare object; WAHA answers a `WAMessage`, as forwardMessage's schema says.
      expect(checkResponse("POST /api/forwardMessage", 201, "application/json", sentMedia.body)).toEqual([]);
      await call(app, operation, path, { body: { session: "c", chatId, file: { mimetype: "image/png" } } });
    }
    await call(app, "POST /api/forwardMessage", "/api/forwardMessage", { body: { session: "c", chatId: "5511988887777@c.us", messageId: quotedId } });
    await call(app, "POST /api/forwardMessage", "/api/forwardMessage", { body: { session: "c", chatId, messageId: "true_1@c.us_NOPE" } });
    await call(app, "PUT /api/reaction", "/api/reaction", { body: { session: "c", messageId: quotedId, reaction: "👍" } });
    await call(app, "PUT /api/reaction", "/api/reaction", { body: { session: "c", messageId: "true_1@c.us_NOPE", reaction: "👍" } });
    const messagePath = `/api/c/chats/${chatId}/messages/${quotedId}`;
    const messageOperation = "/api/{session}/chats/{chatId}/messages/{messageId}";
    await call(app, `GET ${messageOperation}`, messagePath);
    await call(app, `GET ${messageOperation}`, `/api/c/chats/${chatId}/messages/true_${chatId}_NOPE`);
    await call(app, `PUT ${messageOperation}`, messagePath, { body: { text: "quoted, edited" } });
    await call(app, `PUT ${messageOperation}`, messagePath, { body: { text: "" } });
    await call(app, `DELETE ${messageOperation}`, messagePath);
    await call(app, `DELETE ${messageOperation}`, messagePath);
    await call(app, "POST /api/startTyping", "/api/startTyping", { body: { session: "c", chatId } });
    await call(app, "POST /api/startTyping", "/api/startTyping", { body: { session: "c" } });
    await call(app, "POST /api/stopTyping", "/api/stopTyping", { body: { session: "c", chatId } });
    await call(app, "POST /api/stopTyping", "/api/stopTyping", { body: { session: "ghost", chatId } });
    await call(app, "POST /api/sendSeen", "/api/sendSeen", { body: { session: "c", chatId: "5511999999999@c.us" } });
    await call(app, "GET /api/{session}/chats", "/api/c/chats");
    await call(app, "GET /api/{session}/chats", "/api/c/chats?sortBy=color");
    await call(app, "GET /api/{session}/chats/overview", `/api/c/chats/overview?limit=5&ids=${chatId}`);
    await call(app, "GET /api/{session}/chats/overview", "/api/c/chats/overview?limit=0");
    await call(app, "POST /api/{session}/chats/overview", "/api/c/chats/overview", { body: { pagination: { limit: 10, offset: 0 } } });
    await call(app, "POST /api/{session}/chats/overview", "/api/c/chats/overview", { body: {} });
    await call(app, "GET /api/{session}/chats/{chatId}/messages", `/api/c/chats/${chatId}/messages?limit=10&filter.fromMe=true`);
    await call(app, "GET /api/{session}/chats/{chatId}/messages", `/api/c/chats/${chatId}/messages?filter.ack=LOST`);
    await call(app, "POST /api/{session}/chats/{chatId}/messages/read", `/api/c/chats/${chatId}/messages/read`);
    await call(app, "POST /api/{session}/chats/{chatId}/messages/read", `/api/ghost/chats/${chatId}/messages/read`);
    for (const action of ["archive", "unarchive", "unread"]) {
      await call(app, `POST /api/{session}/chats/{chatId}/${action}`, `/api/c/chats/${chatId}/${action}`);
      await call(app, `POST /api/{session}/chats/{chatId}/${action}`, `/api/c/chats/bad/${action}`);
    }
    await api(app, "POST", "/api/sandbox/c/presence", { from: "5511999999999", presence: "typing" });
    await call(app, "GET /api/{session}/presence", "/api/c/presence");
    await call(app, "GET /api/{session}/presence", "/api/ghost/presence");
    await call(app, "GET /api/{session}/presence/{chatId}", `/api/c/presence/${chatId}`);
    await call(app, "GET /api/{session}/presence/{chatId}", "/api/c/presence/nobody");
    await call(app, "POST /api/{session}/presence", "/api/c/presence", { body: { presence: "online" } });
    await call(app, "POST /api/{session}/presence", "/api/c/presence", { body: { presence: "typing" } });
    await call(app, "POST /api/sendSeen", "/api/sendSeen", { body: { session: "ghost", chatId: "5511999999999@c.us" } });
    const contacts = await call(app, "GET /api/contacts/all", "/api/contacts/all?session=c&sortBy=name&limit=3");
    await call(app, "GET /api/contacts/all", "/api/contacts/all?session=ghost");
    const contactId = (contacts.body as Array<{ id: string }>)[0]?.id ?? "";
    await call(app, "GET /api/contacts", `/api/contacts?session=c&contactId=${contactId}`);
    await call(app, "GET /api/contacts", "/api/contacts?session=c&contactId=nobody");
    await call(app, "GET /api/contacts/check-exists", `/api/contacts/check-exists?session=c&phone=${contactId.split("@")[0]}`);
    await call(app, "GET /api/contacts/check-exists", "/api/contacts/check-exists?session=c");
    await call(app, "GET /api/contacts/profile-picture", `/api/contacts/profile-picture?session=c&contactId=${contactId}&refresh=true`);
    await call(app, "GET /api/contacts/profile-picture", `/api/contacts/profile-picture?session=ghost&contactId=${contactId}`);
    await call(app, "GET /api/contacts/about", `/api/contacts/about?session=c&contactId=${contactId}`);
    await call(app, "GET /api/contacts/about", `/api/contacts/about?contactId=${contactId}`);
    const groups = await call(app, "GET /api/{session}/groups", "/api/c/groups?exclude=participants");
    await call(app, "GET /api/{session}/groups", "/api/c/groups?limit=-1");
    const groupId = Object.keys(groups.body as object)[0] ?? "";
    await call(app, "GET /api/{session}/groups/{id}", `/api/c/groups/${groupId}`);
    await call(app, "GET /api/{session}/groups/{id}", "/api/c/groups/999999999@g.us");
    await call(app, "GET /api/{session}/groups/count", "/api/c/groups/count");
    await call(app, "GET /api/{session}/groups/count", "/api/ghost/groups/count");
    const members = [{ id: contactId }];
    const created = await call(app, "POST /api/{session}/groups", "/api/c/groups", { body: { name: "Launch", participants: members } });
    await call(app, "POST /api/{session}/groups", "/api/c/groups", { body: { name: "", participants: members } });
    const ours = `/api/c/groups/${(created.body as { id: string }).id}`;
    await call(app, "PUT /api/{session}/groups/{id}/subject", `${ours}/subject`, { body: { subject: "Launch day" } });
    await call(app, "PUT /api/{session}/groups/{id}/subject", `${ours}/subject`, { body: {} });
    await call(app, "PUT /api/{session}/groups/{id}/description", `${ours}/description`, { body: { description: "Go!" } });
    await call(app, "PUT /api/{session}/groups/{id}/description", "/api/c/groups/999999999@g.us/description", { body: { description: "x" } });
    const otherContact = (contacts.body as Array<{ id: string }>)[1]?.id ?? "";
    for (const [operation, path] of [
      ["POST /api/{session}/groups/{id}/participants/add", "participants/add"],
      ["POST /api/{session}/groups/{id}/admin/promote", "admin/promote"],
      ["POST /api/{session}/groups/{id}/admin/demote", "admin/demote"],
      ["POST /api/{session}/groups/{id}/participants/remove", "participants/remove"],
    ] as const) {
      await call(app, operation, `${ours}/${path}`, { body: { participants: [{ id: otherContact }] } });
      await call(app, operation, `${ours}/${path}`, { body: { participants: [] } });
    }
    await call(app, "GET /api/{session}/groups/{id}/participants", `${ours}/participants`);
    await call(app, "GET /api/{session}/groups/{id}/participants", "/api/c/groups/nope/participants");
    await call(app, "GET /api/{session}/groups/{id}/participants/v2", `${ours}/participants/v2`);
    await call(app, "GET /api/{session}/groups/{id}/participants/v2", "/api/c/groups/999999999@g.us/participants/v2");
    await call(app, "GET /api/{session}/groups/{id}/invite-code", `${ours}/invite-code`);
    await call(app, "GET /api/{session}/groups/{id}/invite-code", "/api/c/groups/999999999@g.us/invite-code");
    await call(app, "POST /api/{session}/groups/{id}/invite-code/revoke", `${ours}/invite-code/revoke`);
    await call(app, "POST /api/{session}/groups/{id}/invite-code/revoke", `/api/c/groups/${groupId}/invite-code/revoke`);
    for (const setting of ["info-admin-only", "messages-admin-only"]) {
      const operation = `/api/{session}/groups/{id}/settings/security/${setting}`;
      await call(app, `PUT ${operation}`, `${ours}/settings/security/${setting}`, { body: { adminsOnly: true } });
      await call(app, `PUT ${operation}`, `${ours}/settings/security/${setting}`, { body: { adminsOnly: "yes" } });
      await call(app, `GET ${operation}`, `${ours}/settings/security/${setting}`);
      await call(app, `GET ${operation}`, `/api/c/groups/999999999@g.us/settings/security/${setting}`);
    }
    await call(app, "POST /api/{session}/groups/{id}/leave", `${ours}/leave`);
    await call(app, "POST /api/{session}/groups/{id}/leave", `${ours}/leave`);
    await call(app, "POST /api/contacts/block", "/api/contacts/block", { body: { session: "c", contactId } });
    await call(app, "POST /api/contacts/block", "/api/contacts/block", { body: { session: "c" } });
    await call(app, "POST /api/contacts/unblock", "/api/contacts/unblock", { body: { session: "c", contactId } });
    await call(app, "POST /api/contacts/unblock", "/api/contacts/unblock", { body: { session: "ghost", contactId } });
    await call(app, "PUT /api/{session}/contacts/{chatId}", `/api/c/contacts/${contactId}`, { body: { firstName: "Jo", lastName: "Doe" } });
    await call(app, "PUT /api/{session}/contacts/{chatId}", `/api/c/contacts/${contactId}`, { body: { lastName: "Doe" } });
    await call(app, "GET /api/{session}/contacts/{id}", `/api/c/contacts/${contactId}`);
    await call(app, "GET /api/{session}/contacts/{id}", "/api/c/contacts/nobody");
    const lids = await call(app, "GET /api/{session}/lids", "/api/c/lids?limit=2");
    await call(app, "GET /api/{session}/lids", "/api/c/lids?limit=0");
    await call(app, "GET /api/{session}/lids/count", "/api/c/lids/count");
    await call(app, "GET /api/{session}/lids/count", "/api/ghost/lids/count");
    const known = (lids.body as Array<{ lid: string; pn: string }>)[0] ?? { lid: "", pn: "" };
    await call(app, "GET /api/{session}/lids/{lid}", `/api/c/lids/${known.lid}`);
    await call(app, "GET /api/{session}/lids/{lid}", "/api/c/lids/999999999999999@lid");
    await call(app, "GET /api/{session}/lids/{lid}", "/api/c/lids/nobody");
    await call(app, "GET /api/{session}/lids/pn/{phoneNumber}", `/api/c/lids/pn/${known.pn}`);
    await call(app, "GET /api/{session}/lids/pn/{phoneNumber}", "/api/c/lids/pn/5511900000000");
    await call(app, "GET /api/{session}/lids/pn/{phoneNumber}", "/api/ghost/lids/pn/5511900000000");
    await api(app, "POST", "/api/sandbox/c/inbound", { from: "5511988887777", text: "hello" });
    // 9 sent messages × 3 acks, the inbound message, our reaction.
    await waitFor(() => receiver.events("message.ack").length >= 27 && receiver.events("message").length >= 1, 2_000, "webhooks");

    await call(app, "DELETE /api/{session}/chats/{chatId}/messages", `/api/c/chats/${chatId}/messages`);
    await call(app, "DELETE /api/{session}/chats/{chatId}", `/api/c/chats/${chatId}`);
    await call(app, "DELETE /api/{session}/chats/{chatId}", "/api/c/chats/nobody");
    await call(app, "DELETE /api/{session}/chats/{chatId}/messages", `/api/ghost/chats/${chatId}/messages`);
    await call(app, "PUT /api/sessions/{session}", "/api/sessions/c", { body: { config: { metadata: { k: "w" }, webhooks } } });
    await call(app, "PUT /api/sessions/{session}", "/api/sessions/c", { body: { config: { webhooks: [{ url: "nope" }] } } });
    await call(app, "POST /api/sessions/{session}/restart", "/api/sessions/c/restart");
    await call(app, "POST /api/sessions/{session}/stop", "/api/sessions/c/stop");
    await call(app, "POST /api/sessions/{session}/start", "/api/sessions/c/start");
    await call(app, "POST /api/sessions/{session}/logout", "/api/sessions/c/logout");
    for (const action of ["start", "stop", "logout", "restart"]) {
      await call(app, `POST /api/sessions/{session}/${action}`, `/api/sessions/ghost/${action}`);
    }
    await call(app, "PUT /api/sessions/{session}", "/api/sessions/ghost", { body: {} });
    await call(app, "DELETE /api/sessions/{session}", "/api/sessions/c");
    await call(app, "DELETE /api/sessions/{session}", "/api/sessions/a.b");
    await call(app, "GET /api/sessions/{session}/me", "/api/sessions/ghost/me");
    await call(app, "GET /api/server/version", "/api/server/version", { headers: { "X-Api-Key": "wrong" } });
    await call(app, "GET /health", "/health");

    // The webhooks this run produced, against the `WAHAWebhook*` schemas.
    const events = new Set(receiver.received.map((hook) => hook.body.event));
    expect([...events].sort()).toEqual([
      "chat.archive",
      "group.v2.join",
      "group.v2.leave",
      "group.v2.participants",
      "group.v2.update",
      "message",
      "message.ack",
      "message.any",
      "message.edited",
      "message.reaction",
      "message.revoked",
      "presence.update",
      "session.status",
    ]);
    for (const hook of receiver.received) expect(checkWebhook(hook.body)).toEqual([]);

    // Every operation of the contract was exercised, with a success and (except the open ones) an error.
    expect([...covered.success].sort()).toEqual([...contractOperations].sort());
    const withoutErrors = ["GET /ping", "GET /health", "GET /api/sessions"];
    expect([...covered.error].sort()).toEqual(contractOperations.filter((operation) => !withoutErrors.includes(operation)).sort());
  });

  test("every WAHA route the app implements is in the contract (regenerate it with waha:contract)", async () => {
    const app = createTestApp();
    const implemented: string[] = [];
    for (const { method, path } of wahaRoutes.routes) {
      const concrete = path.replace(/\{(\w+)\}/g, "x");
      const response = await request(app, concrete, { method, headers: { "X-Api-Key": testApiKey, "Content-Type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      if (response.status !== 501) implemented.push(`${method} ${path}`);
    }
    expect(implemented.sort()).toEqual([...contractOperations].sort());
  });
});
