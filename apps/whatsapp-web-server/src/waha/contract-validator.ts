import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import contract from "./contract.json" with { type: "json" };

type Json = Record<string, unknown>;

/**
 * Where WAHA's document and WAHA's own behaviour disagree, the behaviour wins (a WAHA client is
 * written against what WAHA sends). Each patch below names the divergence; nothing else is relaxed.
 */
function patchSchemas(schemas: Record<string, Json>): Record<string, Json> {
  const patched = structuredClone(schemas) as Record<string, Json & { properties: Record<string, Json>; required?: string[] }>;
  const props = (name: string) => {
    const schema = patched[name];
    if (!schema) throw new Error(`schema ${name} missing from contract.json`);
    return schema;
  };
  // Swagger's `required: true` inside a property is not JSON Schema (Ajv refuses it); the property
  // is already nullable, which is what it means.
  for (const schema of Object.values(patched)) {
    for (const property of Object.values(schema.properties ?? {})) {
      for (const nested of Object.values((property.properties ?? {}) as Record<string, Json>)) delete nested.required;
    }
  }
  for (const name of Object.keys(patched).filter((key) => key.startsWith("WAHAWebhook") || key.startsWith("WebhookGroupV2"))) {
    const { properties } = props(name);
    // The event name is a string; the document types the enum as an object.
    if (properties.event) properties.event.type = "string";
    // SANDBOX is our extension engine, so the envelope may name it.
    if (properties.engine) properties.engine.enum = [...(properties.engine.enum as string[]), "SANDBOX"];
  }
  // Webhook event names are strings; the document types them as objects (the same enum artifact).
  props("WebhookConfig").properties.events = { type: "array", items: { type: "string" } };
  // WAHA reports `browser: null` for engines without a browser.
  props("WAHAEnvironment").properties.browser = { type: "string", nullable: true };
  // WAHA's `presence` is `any` in its DTO (rendered as object); it sends null or a presence word.
  props("SessionInfo").properties.presence = {};
  // WAHA's own engines leave out `participant` (not a group) and `mediaUrl` (no media).
  for (const name of ["WAMessage", "WAMessageAckBody", "WAMessageReaction", "WAMessageEditedBody"]) {
    const schema = props(name);
    schema.required = (schema.required ?? []).filter((field) => field !== "participant" && field !== "mediaUrl");
  }
  return patched;
}

/** NestJS's error body, which WAHA sends for every error (the document declares none). */
const errorSchema = {
  type: "object",
  properties: { statusCode: { type: "integer" }, message: { type: "string" }, error: { type: "string" } },
  required: ["statusCode", "message"],
};

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("binary", true);
const schemas = JSON.parse(JSON.stringify(patchSchemas(contract.schemas as Record<string, Json>)).replaceAll('"#/components/', '"waha#/components/'));
ajv.addSchema({ $id: "waha", components: { schemas } });
const validateError = ajv.compile(errorSchema);

const compiled = new Map<string, ValidateFunction>();
function validatorFor(key: string, schema: Json): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"waha#/components/')) as Json);
    compiled.set(key, validate);
  }
  return validate;
}

/** The operations the contract covers (`METHOD /waha/path`). */
export const contractOperations = Object.keys(contract.responses);

/**
 * Checks one real response against the contract: a documented status with its schema for the
 * content type, or an error status with NestJS's error body. Returns the problems (empty if valid).
 */
export function checkResponse(operation: string, status: number, contentType: string | null, body: unknown): string[] {
  const responses = (contract.responses as Record<string, Record<string, Record<string, Json>>>)[operation];
  if (!responses) return [`${operation} is not in the contract`];
  if (status >= 400) {
    return validateError(body) ? [] : [`${operation} ${status}: ${ajv.errorsText(validateError.errors)}`];
  }
  const documented = responses[String(status)];
  if (!documented) return [`${operation} answered ${status}; documented: ${Object.keys(responses).join(", ")}`];
  const types = Object.keys(documented);
  if (types.length === 0) return [];
  const type = types.find((candidate) => contentType?.startsWith(candidate));
  if (!type) return [`${operation} answered ${contentType}; documented: ${types.join(", ")}`];
  const schema = documented[type] as Json;
  const validate = validatorFor(`${operation} ${status} ${type}`, schema);
  return validate(body) ? [] : [`${operation} ${status}: ${ajv.errorsText(validate.errors)}`];
}

/** Checks a webhook envelope against the `WAHAWebhook*` schema of its event. */
export function checkWebhook(body: { event: string }): string[] {
  const names: Record<string, string> = {
    "session.status": "WAHAWebhookSessionStatus",
    message: "WAHAWebhookMessage",
    "message.any": "WAHAWebhookMessageAny",
    "message.ack": "WAHAWebhookMessageAck",
    "message.reaction": "WAHAWebhookMessageReaction",
    "message.edited": "WAHAWebhookMessageEdited",
    "message.revoked": "WAHAWebhookMessageRevoked",
    "presence.update": "WAHAWebhookPresenceUpdate",
    "chat.archive": "WAHAWebhookChatArchive",
    "group.v2.join": "WebhookGroupV2Join",
    "group.v2.leave": "WebhookGroupV2Leave",
    "group.v2.participants": "WebhookGroupV2Participants",
    "group.v2.update": "WebhookGroupV2Update",
  };
  const name = names[body.event];
  if (!name) return [`no schema for event ${body.event}`];
  const validate = validatorFor(name, { $ref: `#/components/schemas/${name}` });
  return validate(body) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`];
}
