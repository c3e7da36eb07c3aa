/**
 * Writes src/waha/contract.json: the response schemas of the WAHA operations this service
 * implements, with every component schema they reference, trimmed from WAHA's openapi.json. The
 * contract test validates real responses against it with Ajv, so it must not depend on a copy of
 * the full document being present beside the repository. Also writes src/waha/operations.json:
 * the same operations as WAHA documents them (summary, tag, parameters, request body, responses),
 * which `/docs` serves for the routes we implement. Run it again when the pinned WAHA version
 * changes or a route is implemented:
 *   bun scripts/extract-waha-schemas.ts ../../../shared/waha/openapi.json
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The operations we implement (method and WAHA path), and the webhook envelopes we send. */
const operations = [
  ["GET", "/api/sessions"],
  ["POST", "/api/sessions"],
  ["GET", "/api/sessions/{session}"],
  ["PUT", "/api/sessions/{session}"],
  ["DELETE", "/api/sessions/{session}"],
  ["POST", "/api/sessions/{session}/start"],
  ["POST", "/api/sessions/{session}/stop"],
  ["POST", "/api/sessions/{session}/logout"],
  ["POST", "/api/sessions/{session}/restart"],
  ["GET", "/api/sessions/{session}/me"],
  ["GET", "/api/{session}/auth/qr"],
  ["POST", "/api/{session}/auth/request-code"],
  ["POST", "/api/sendText"],
  ["POST", "/api/reply"],
  ["POST", "/api/sendLocation"],
  ["POST", "/api/sendContactVcard"],
  ["POST", "/api/sendImage"],
  ["POST", "/api/sendFile"],
  ["POST", "/api/sendVoice"],
  ["POST", "/api/sendVideo"],
  ["POST", "/api/forwardMessage"],
  ["PUT", "/api/reaction"],
  ["POST", "/api/sendSeen"],
  ["POST", "/api/startTyping"],
  ["POST", "/api/stopTyping"],
  ["GET", "/api/{session}/chats"],
  ["GET", "/api/{session}/chats/overview"],
  ["POST", "/api/{session}/chats/overview"],
  ["GET", "/api/{session}/chats/{chatId}/messages"],
  ["POST", "/api/{session}/chats/{chatId}/messages/read"],
  ["DELETE", "/api/{session}/chats/{chatId}/messages"],
  ["POST", "/api/{session}/chats/{chatId}/archive"],
  ["POST", "/api/{session}/chats/{chatId}/unarchive"],
  ["POST", "/api/{session}/chats/{chatId}/unread"],
  ["GET", "/api/{session}/chats/{chatId}/messages/{messageId}"],
  ["PUT", "/api/{session}/chats/{chatId}/messages/{messageId}"],
  ["DELETE", "/api/{session}/chats/{chatId}/messages/{messageId}"],
  ["POST", "/api/{session}/presence"],
  ["GET", "/api/{session}/presence"],
  ["GET", "/api/{session}/presence/{chatId}"],
  ["GET", "/api/contacts/all"],
  ["GET", "/api/contacts"],
  ["GET", "/api/contacts/check-exists"],
  ["GET", "/api/contacts/profile-picture"],
  ["GET", "/api/contacts/about"],
  ["GET", "/api/{session}/groups"],
  ["GET", "/api/{session}/groups/{id}"],
  ["POST", "/api/{session}/groups"],
  ["GET", "/api/{session}/groups/count"],
  ["PUT", "/api/{session}/groups/{id}/subject"],
  ["PUT", "/api/{session}/groups/{id}/description"],
  ["GET", "/api/{session}/groups/{id}/participants"],
  ["GET", "/api/{session}/groups/{id}/participants/v2"],
  ["POST", "/api/{session}/groups/{id}/participants/add"],
  ["POST", "/api/{session}/groups/{id}/participants/remove"],
  ["POST", "/api/{session}/groups/{id}/admin/promote"],
  ["POST", "/api/{session}/groups/{id}/admin/demote"],
  ["POST", "/api/{session}/groups/{id}/leave"],
  ["GET", "/api/{session}/groups/{id}/invite-code"],
  ["POST", "/api/{session}/groups/{id}/invite-code/revoke"],
  ["GET", "/api/{session}/groups/{id}/settings/security/info-admin-only"],
  ["PUT", "/api/{session}/groups/{id}/settings/security/info-admin-only"],
  ["GET", "/api/{session}/groups/{id}/settings/security/messages-admin-only"],
  ["PUT", "/api/{session}/groups/{id}/settings/security/messages-admin-only"],
  ["DELETE", "/api/{session}/chats/{chatId}"],
  ["POST", "/api/contacts/block"],
  ["POST", "/api/contacts/unblock"],
  ["GET", "/api/{session}/contacts/{id}"],
  ["PUT", "/api/{session}/contacts/{chatId}"],
  ["GET", "/api/{session}/lids"],
  ["GET", "/api/{session}/lids/count"],
  ["GET", "/api/{session}/lids/{lid}"],
  ["GET", "/api/{session}/lids/pn/{phoneNumber}"],
  ["GET", "/api/server/version"],
  ["GET", "/api/server/status"],
  ["GET", "/ping"],
  ["GET", "/health"],
] as const;
const webhookSchemas = [
  "WAHAWebhookSessionStatus", "WAHAWebhookMessage", "WAHAWebhookMessageAny", "WAHAWebhookMessageAck", "WAHAWebhookMessageReaction",
  "WAHAWebhookMessageEdited",
  "WAHAWebhookMessageRevoked",
  "WAHAWebhookPresenceUpdate",
  "WAHAWebhookChatArchive",
  "WebhookGroupV2Join",
  "WebhookGroupV2Leave",
  "WebhookGroupV2Participants",
  "WebhookGroupV2Update",
];

type Json = Record<string, unknown>;
type Document = { info: { version: string }; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

const source = process.argv[2];
if (!source) {
  console.error("Usage: bun scripts/extract-waha-schemas.ts <path to WAHA openapi.json>");
  process.exit(1);
}
const document = JSON.parse(readFileSync(source, "utf8")) as Document;

const responses: Record<string, Record<string, Json>> = {};
for (const [method, routePath] of operations) {
  const operation = document.paths[routePath]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${routePath} is not in the document`);
  const byStatus: Record<string, Json> = {};
  for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, { content?: Record<string, { schema: Json }> }>)) {
    byStatus[status] = Object.fromEntries(Object.entries(response.content ?? {}).map(([type, { schema }]) => [type, schema]));
  }
  responses[`${method} ${routePath}`] = byStatus;
}

// Every component reachable from the responses and the webhook envelopes.
const schemas: Record<string, Json> = {};
const pending = [...webhookSchemas, ...Array.from(JSON.stringify(responses).matchAll(/#\/components\/schemas\/(\w+)/g), (match) => match[1] ?? "")];
while (pending.length > 0) {
  const name = pending.pop() ?? "";
  if (name in schemas) continue;
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`schema ${name} is not in the document`);
  schemas[name] = schema;
  for (const match of JSON.stringify(schema).matchAll(/#\/components\/schemas\/(\w+)/g)) pending.push(match[1] ?? "");
}

const output = path.join(import.meta.dir, "../src/waha/contract.json");
const sortedSchemas = Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(output, `${JSON.stringify({ wahaVersion: document.info.version, responses, schemas: sortedSchemas }, null, 2)}\n`);
console.log(`Wrote ${operations.length} operations and ${Object.keys(schemas).length} schemas to ${path.relative(process.cwd(), output)}`);

// The documentation of the same operations, for `/docs`; huge examples (base64 files) left out.
const documented: Record<string, Json> = {};
for (const [method, routePath] of operations) {
  const { summary, description, tags, parameters, requestBody, responses: operationResponses } = document.paths[routePath]?.[method.toLowerCase()] ?? {};
  documented[`${method} ${routePath}`] = { summary, description, tags, parameters, requestBody, responses: operationResponses };
}
const withoutHugeExamples = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === "example" && JSON.stringify(field).length > 300 ? undefined : field))) as Json;
const docSchemas: Record<string, Json> = {};
const docPending = Array.from(JSON.stringify(documented).matchAll(/#\/components\/schemas\/(\w+)/g), (match) => match[1] ?? "");
while (docPending.length > 0) {
  const name = docPending.pop() ?? "";
  if (name in docSchemas) continue;
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`schema ${name} is not in the document`);
  docSchemas[name] = schema;
  for (const match of JSON.stringify(schema).matchAll(/#\/components\/schemas\/(\w+)/g)) docPending.push(match[1] ?? "");
}
const docOutput = path.join(import.meta.dir, "../src/waha/operations.json");
const sortedDocSchemas = Object.fromEntries(Object.entries(docSchemas).sort(([a], [b]) => a.localeCompare(b)));
const tags = (document as Document & { tags?: Json[] }).tags ?? [];
writeFileSync(docOutput, `${JSON.stringify(withoutHugeExamples({ wahaVersion: document.info.version, tags, operations: documented, schemas: sortedDocSchemas }), null, 2)}\n`);
console.log(`Wrote ${operations.length} documented operations and ${Object.keys(docSchemas).length} schemas to ${path.relative(process.cwd(), docOutput)}`);
