import createClient, { type Client } from "openapi-fetch";
import { WahaError, WahaHttpError, WahaNetworkError, WahaTimeoutError, parseRetryAfter } from "./errors.ts";
import type { components, paths } from "./generated/waha.ts";

/** WAHA's schemas by name, e.g. `WahaSchemas["WAMessage"]`. */
export type WahaSchemas = components["schemas"];
export type WAMessage = WahaSchemas["WAMessage"];
export type SessionInfo = WahaSchemas["SessionDTO"];

export interface WahaApiClientOptions {
  /** The WhatsApp service, e.g. http://localhost:8788. */
  baseUrl: string;
  /** Sent as `X-Api-Key`. */
  apiKey: string;
  /** Per request; a call without an answer by then fails with `WahaTimeoutError`. Default 15 s. */
  timeoutMs?: number;
  /** For tests: a fetch to call instead of the global one. */
  fetch?: typeof fetch;
}

type FetchResult<Data> = { data?: Data; error?: unknown; response: Response };

/**
 * The WhatsApp service's REST API (WAHA's contract), typed from its OpenAPI document. Every method
 * resolves with the answer's body or throws a `WahaError`: `WahaHttpError` (status, body,
 * `retryAfterSeconds`), `WahaTimeoutError` or `WahaNetworkError`; `error.retryable` says whether
 * a retry may help (network, timeout, 429, 5xx).
 */
export class WahaApiClient {
  readonly #http: Client<paths>;
  readonly #timeoutMs: number;

  constructor(options: WahaApiClientOptions) {
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#http = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      headers: { "X-Api-Key": options.apiKey },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  async #call<Data>(operation: string, run: (signal: AbortSignal) => Promise<FetchResult<Data>>): Promise<Data> {
    let result: FetchResult<Data>;
    try {
      result = await run(AbortSignal.timeout(this.#timeoutMs));
    } catch (error) {
      if (error instanceof WahaError) throw error;
      if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) {
        throw new WahaTimeoutError(operation, this.#timeoutMs);
      }
      throw new WahaNetworkError(operation, error);
    }
    const { response } = result;
    if (!response.ok) throw new WahaHttpError(operation, response.status, result.error, parseRetryAfter(response.headers.get("retry-after")));
    return result.data as Data;
  }

  /** A send answers the message as WAHA stores it (the document leaves some sends untyped). */
  async #send(operation: string, run: (signal: AbortSignal) => Promise<FetchResult<unknown>>): Promise<WAMessage> {
    return (await this.#call(operation, run)) as WAMessage;
  }

  // ── Sessions ─────────────────────────────────────────────────────────────────────────────
  createSession(body: WahaSchemas["SessionCreateRequest"]) {
    return this.#call("createSession", (signal) => this.#http.POST("/api/sessions", { body, signal }));
  }

  getSession(session: string) {
    return this.#call("getSession", (signal) => this.#http.GET("/api/sessions/{session}", { params: { path: { session } }, signal }));
  }

  updateSession(session: string, body: WahaSchemas["SessionUpdateRequest"]) {
    return this.#call("updateSession", (signal) => this.#http.PUT("/api/sessions/{session}", { params: { path: { session } }, body, signal }));
  }

  deleteSession(session: string) {
    return this.#call("deleteSession", (signal) => this.#http.DELETE("/api/sessions/{session}", { params: { path: { session } }, signal }));
  }

  startSession(session: string) {
    return this.#call("startSession", (signal) => this.#http.POST("/api/sessions/{session}/start", { params: { path: { session } }, signal }));
  }

  stopSession(session: string) {
    return this.#call("stopSession", (signal) => this.#http.POST("/api/sessions/{session}/stop", { params: { path: { session } }, signal }));
  }

  restartSession(session: string) {
    return this.#call("restartSession", (signal) => this.#http.POST("/api/sessions/{session}/restart", { params: { path: { session } }, signal }));
  }

  logoutSession(session: string) {
    return this.#call("logoutSession", (signal) => this.#http.POST("/api/sessions/{session}/logout", { params: { path: { session } }, signal }));
  }

  /** The linked account (`id`, `pushName`), once the session is WORKING. */
  getMe(session: string) {
    return this.#call("getMe", (signal) => this.#http.GET("/api/sessions/{session}/me", { params: { path: { session } }, signal }));
  }

  // ── Linking ──────────────────────────────────────────────────────────────────────────────
  /** The QR code's raw value (render it yourself), while the session is SCAN_QR_CODE. */
  async getQRValue(session: string): Promise<{ value: string }> {
    const data = await this.#call("getQR", (signal) =>
      this.#http.GET("/api/{session}/auth/qr", { params: { path: { session }, query: { format: "raw" } }, signal }),
    );
    return data as unknown as { value: string };
  }

  requestCode(session: string, body: WahaSchemas["RequestCodeRequest"]) {
    return this.#call("requestCode", (signal) =>
      this.#http.POST("/api/{session}/auth/request-code", { params: { path: { session } }, body, signal }),
    );
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────
  /** Sends a text; with `id` set, a retried send is recognised instead of sent twice. */
  sendText(body: WahaSchemas["MessageTextRequest"]) {
    return this.#send("sendText", (signal) => this.#http.POST("/api/sendText", { body, signal }));
  }

  sendImage(body: WahaSchemas["MessageImageRequest"]) {
    return this.#send("sendImage", (signal) => this.#http.POST("/api/sendImage", { body, signal }));
  }

  sendFile(body: WahaSchemas["MessageFileRequest"]) {
    return this.#send("sendFile", (signal) => this.#http.POST("/api/sendFile", { body, signal }));
  }

  sendVoice(body: WahaSchemas["MessageVoiceRequest"]) {
    return this.#send("sendVoice", (signal) => this.#http.POST("/api/sendVoice", { body, signal }));
  }

  sendVideo(body: WahaSchemas["MessageVideoRequest"]) {
    return this.#send("sendVideo", (signal) => this.#http.POST("/api/sendVideo", { body, signal }));
  }

  sendLocation(body: WahaSchemas["MessageLocationRequest"]) {
    return this.#send("sendLocation", (signal) => this.#http.POST("/api/sendLocation", { body, signal }));
  }

  sendContactVcard(body: WahaSchemas["MessageContactVcardRequest"]) {
    return this.#send("sendContactVcard", (signal) => this.#http.POST("/api/sendContactVcard", { body, signal }));
  }

  forwardMessage(body: WahaSchemas["MessageForwardRequest"]) {
    return this.#send("forwardMessage", (signal) => this.#http.POST("/api/forwardMessage", { body, signal }));
  }

  setReaction(body: WahaSchemas["MessageReactionRequest"]) {
    return this.#call("setReaction", (signal) => this.#http.PUT("/api/reaction", { body, signal }));
  }

  sendSeen(body: WahaSchemas["SendSeenRequest"]) {
    return this.#call("sendSeen", (signal) => this.#http.POST("/api/sendSeen", { body, signal }));
  }

  startTyping(body: WahaSchemas["ChatRequest"]) {
    return this.#call("startTyping", (signal) => this.#http.POST("/api/startTyping", { body, signal }));
  }

  stopTyping(body: WahaSchemas["ChatRequest"]) {
    return this.#call("stopTyping", (signal) => this.#http.POST("/api/stopTyping", { body, signal }));
  }

  editMessage(session: string, chatId: string, messageId: string, body: WahaSchemas["EditMessageRequest"]) {
    return this.#call("editMessage", (signal) =>
      this.#http.PUT("/api/{session}/chats/{chatId}/messages/{messageId}", { params: { path: { session, chatId, messageId } }, body, signal }),
    );
  }

  deleteMessage(session: string, chatId: string, messageId: string) {
    return this.#call("deleteMessage", (signal) =>
      this.#http.DELETE("/api/{session}/chats/{chatId}/messages/{messageId}", { params: { path: { session, chatId, messageId } }, signal }),
    );
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────
  getContact(session: string, contactId: string) {
    return this.#call("getContact", (signal) => this.#http.GET("/api/contacts", { params: { query: { session, contactId } }, signal }));
  }
}
