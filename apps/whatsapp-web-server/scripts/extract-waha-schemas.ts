/**
 * Writes src/waha/contract.json: the response schemas of the WAHA operations this service
 * implements, with every component schema they reference, trimmed from WAHA's openapi.json. The
 * contract test validates real responses against it with Ajv, so it must not depend on a copy of
 * the full document being present beside the repository. Run it again when the pinned WAHA version
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
  ["GET", "/api/server/version"],
  ["GET", "/ping"],
  ["GET", "/health"],
] as const;
const webhookSchemas = [
  "WAHAWebhookSessionStatus", "WAHAWebhookMessage", "WAHAWebhookMessageAny", "WAHAWebhookMessageAck", "WAHAWebhookMessageReaction",
  "WAHAWebhookMessageEdited",
  "WAHAWebhookMessageRevoked",
  "WAHAWebhookPresenceUpdate",
  "WAHAWebhookChatArchive",
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
