import createClient, { type Client } from "openapi-fetch";
import { WahaError, WahaHttpError, WahaNetworkError, WahaTimeoutError, parseRetryAfter } from "./errors.ts";
import type { components, paths } from "./generated/waha.ts";

/** WAHA's schemas by name, e.g. `WahaSchemas["WAMessage"]`. */
export type WahaSchemas = components["schemas"];
export type WAMessage = WahaSchemas["WAMessage"];
export type SessionInfo = WahaSchemas["SessionDTO"];
/** A hidden id (`<n>@lid`) and its phone id (`<digits>@c.us`); what the service does not know is absent. */
export type LidToPhoneNumber = WahaSchemas["LidToPhoneNumber"];

export interface WahaApiClientOptions {
  /** The WhatsApp service, e.g. http://localhost:8788. */
  baseUrl: string;
  /** Sent as `X-Api-Key`. */
  apiKey: string;
  /** Per request; a call without an answer by then fails with `WahaTimeoutError`. Default 15 s. */
  timeoutMs?: number;
  /** For tests: a fetch to call instead of the global one. */
  fetch?: typeof fetch;
  /** The id of the request being served, sent as `X-Request-Id` so both services' logs share it. */
  requestId?: () => string | undefined;
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
  readonly #options: WahaApiClientOptions;

  constructor(options: WahaApiClientOptions) {
    this.#options = options;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#http = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      headers: { "X-Api-Key": options.apiKey },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const { requestId } = options;
    if (requestId) {
      this.#http.use({
        onRequest({ request }) {
          const id = requestId();
          if (id) request.headers.set("X-Request-Id", id);
          return request;
        },
      });
    }
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

  // ── Files ────────────────────────────────────────────────────────────────────────────────
  /**
   * A media file the service serves (a message's `media.url`, `/api/files/…`). Only the URL's
   * path is used, against this client's base URL, so the API key never goes to another host and
   * a webhook cannot point the server at an arbitrary address. Refuses bodies over `maxBytes`.
   */
  async downloadFile(url: string, options: { maxBytes: number; timeoutMs?: number }): Promise<{ bytes: Uint8Array; mimetype: string | null }> {
    const operation = "downloadFile";
    const base = this.#options.baseUrl.replace(/\/+$/, "");
    const { pathname } = new URL(url, `${base}/`);
    if (!pathname.startsWith("/api/files/")) throw new WahaError(`${operation}: ${pathname} is not a file of the WhatsApp service`, operation, false);
    const timeoutMs = options.timeoutMs ?? 60_000;
    const tooLarge = () => new WahaError(`${operation}: the file is larger than ${options.maxBytes} bytes`, operation, false);
    try {
      const response = await (this.#options.fetch ?? fetch)(`${base}${pathname}`, { headers: { "X-Api-Key": this.#options.apiKey }, signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) {
        await response.body?.cancel();
        throw new WahaHttpError(operation, response.status, null, parseRetryAfter(response.headers.get("retry-after")));
      }
      if (Number(response.headers.get("content-length")) > options.maxBytes) {
        await response.body?.cancel();
        throw tooLarge();
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw tooLarge();
        chunks.push(chunk);
      }
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
      }
      return { bytes, mimetype: response.headers.get("content-type") };
    } catch (error) {
      if (error instanceof WahaError) throw error;
      if (error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError")) throw new WahaTimeoutError(operation, timeoutMs);
      throw new WahaNetworkError(operation, error);
    }
  }

  // ── Reading ──────────────────────────────────────────────────────────────────────────────
  getContact(session: string, contactId: string) {
    return this.#call("getContact", (signal) => this.#http.GET("/api/contacts", { params: { query: { session, contactId } }, signal }));
  }

  /** The phone id behind a hidden id (`<n>@lid`); `pn` is absent when the account does not know it. */
  findPhoneByLid(session: string, lid: string): Promise<LidToPhoneNumber> {
    return this.#call("findPhoneByLid", (signal) => this.#http.GET("/api/{session}/lids/{lid}", { params: { path: { session, lid } }, signal }));
  }

  /** The hidden id of a phone (`<digits>@c.us` or the number); `lid` is absent when unknown. */
  findLidByPhone(session: string, phoneNumber: string): Promise<LidToPhoneNumber> {
    return this.#call("findLidByPhone", (signal) =>
      this.#http.GET("/api/{session}/lids/pn/{phoneNumber}", { params: { path: { session, phoneNumber } }, signal }),
    );
  }
}
