import { AuthenticationException, OauthException } from "@workos-inc/node";

/** Why an SSO sign-in was refused: the client's sign-in page shows each one translated. */
export const ssoErrorCodes = [
  "sso_state_invalid",
  "sso_code_invalid",
  "sso_failed",
  "sso_no_workspace",
  "sso_not_in_plan",
  "sso_workspace_full",
  "sso_email_unverified",
] as const;
export type SsoErrorCode = (typeof ssoErrorCodes)[number];

/** A refusal the callback turns into a redirect to the sign-in page with `?error=<code>`. */
export class SsoError extends Error {
  constructor(
    readonly code: SsoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SsoError";
  }
}

/** A WorkOS SDK failure as an SSO refusal: an expired or reused code is `sso_code_invalid`. */
export function fromWorkosError(error: unknown): SsoError {
  if (error instanceof OauthException && error.error === "invalid_grant") {
    return new SsoError("sso_code_invalid", error.errorDescription ?? "The sign-in code has expired or was already used.");
  }
  if (error instanceof AuthenticationException) return new SsoError("sso_failed", `WorkOS refused the sign-in (${error.code ?? "unknown"}).`);
  const message = error instanceof Error ? error.message : String(error);
  return new SsoError("sso_failed", `WorkOS did not complete the sign-in: ${message}`);
}
