import type { z } from "zod";
import { inboundMediaSchema } from "../routes/media-schemas.ts";
import { webhookLogQuerySchema } from "../routes/extensions.ts";
import {
  contactEditSchema,
  contactPresenceSchema,
  contactReactionSchema,
  inboundSchema,
  messageActionSchema,
  phoneSchema,
  rateLimitSchema,
  scanSchema,
} from "../routes/sandbox-schemas.ts";

export const EXTENSION_TAG = "NexisChat extension";

/** How `/docs` describes a route that is not in WAHA's document. */
export type ExtensionOperation = {
  summary: string;
  description?: string;
  tag?: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  /** The success status and what it answers. */
  success: { status: number; description: string; contentType?: string };
};

const sandbox = "SANDBOX sessions only; answers 422 for a session on another engine.";

/** Our routes beyond WAHA's, keyed like WAHA's operations (`METHOD /path/{param}`). */
export const extensionOperations: Record<string, ExtensionOperation> = {
  "POST /api/sandbox/{session}/scan": {
    summary: "The simulated phone scans the QR code (or enters the pairing code)",
    description: `Links the session to a simulated phone number. \`value\` is checked against the current QR value, \`code\` against the pairing code from request-code. ${sandbox}`,
    body: scanSchema,
    success: { status: 201, description: "SessionInfo" },
  },
  "POST /api/sandbox/{session}/inbound": {
    summary: "A contact sends a text message",
    description: `Emits \`message\` and \`message.any\`. ${sandbox}`,
    body: inboundSchema,
    success: { status: 201, description: "WAMessage" },
  },
  "POST /api/sandbox/{session}/inbound/media": {
    summary: "A contact sends a file (image, document, audio, video)",
    description: `The \`file\` object is WAHA's (\`url\` or base64 \`data\`, \`mimetype\`, \`filename\`); the message's \`media.url\` serves it. ${sandbox}`,
    body: inboundMediaSchema,
    success: { status: 201, description: "WAMessage with media" },
  },
  "POST /api/sandbox/{session}/reaction": {
    summary: "The contact of a message's chat reacts to it",
    body: contactReactionSchema,
    success: { status: 201, description: "{}" },
  },
  "POST /api/sandbox/{session}/edit": { summary: "A contact edits one of their messages", body: contactEditSchema, success: { status: 201, description: "{}" } },
  "POST /api/sandbox/{session}/revoke": { summary: "A contact deletes one of their messages", body: messageActionSchema, success: { status: 201, description: "{}" } },
  "POST /api/sandbox/{session}/presence": { summary: "A contact's presence changes", body: contactPresenceSchema, success: { status: 201, description: "WAHAChatPresences" } },
  "POST /api/sandbox/{session}/logout": { summary: "The user logs the device out from the phone (session goes FAILED)", success: { status: 201, description: "SessionInfo" } },
  "POST /api/sandbox/{session}/crash": { summary: "The session crashes (FAILED); the link survives", success: { status: 201, description: "SessionInfo" } },
  "POST /api/sandbox/{session}/phone": { summary: "The phone goes offline or comes back", body: phoneSchema, success: { status: 201, description: "{ online }" } },
  "POST /api/sandbox/{session}/rate-limit": {
    summary: "Limit sends per sliding minute (429 with Retry-After past it); null removes the limit",
    body: rateLimitSchema,
    success: { status: 201, description: "{ perMinute }" },
  },
  "GET /api/x/webhooks": {
    summary: "Recent webhook delivery attempts and pending deliveries",
    query: webhookLogQuerySchema,
    success: { status: 200, description: "{ pending, attempts }" },
  },
  "GET /api/x/workers": {
    summary: "Cluster mode only: the workers, the sessions each owns with their lease expiry, and the sessions waiting for a worker",
    description: "Served when the service runs as a cluster worker (`DATABASE_URL` set); `alive` is false for a worker silent for a lease.",
    success: { status: 200, description: "{ self, workers: [{ id, url, capacity, heartbeatAt, alive, sessions: [{ name, status, leaseExpiresAt }] }], unowned }" },
  },
  "GET /api/x/metrics": {
    summary: "Prometheus metrics: sessions by status, webhook attempts and backlog, HTTP latency by route",
    success: { status: 200, description: "Prometheus text format", contentType: "text/plain" },
  },
  "GET /ready": {
    summary: "Readiness: the session store answers and the data folder is writable (503 otherwise)",
    description: "Public like `/health`; a load balancer sends traffic only to a ready worker.",
    success: { status: 200, description: "HealthCheck report" },
  },
  "GET /sandbox/phone": {
    summary: "The simulated phone's page (asks for the API key itself)",
    success: { status: 200, description: "HTML page", contentType: "text/html" },
  },
  "GET /sandbox/phone.js": { summary: "The phone page's script", success: { status: 200, description: "JavaScript", contentType: "text/javascript" } },
  "GET /api/files/{session}/{file}": {
    summary: "A message's media file (its `media.url`)",
    description: "Served as WAHA serves its media files; WAHA's OpenAPI document does not list this route.",
    tag: "🖼️ Media",
    success: { status: 200, description: "The file, with its MIME type", contentType: "application/octet-stream" },
  },
};
