export { WahaApiClient, type LidToPhoneNumber, type SessionInfo, type WahaApiClientOptions, type WahaSchemas, type WAMessage } from "./client.ts";
export { WahaError, WahaHttpError, WahaNetworkError, WahaTimeoutError, parseRetryAfter } from "./errors.ts";
