export { contentSecurityPolicy, type ContentSecurityPolicyOptions, originOf } from "./content-security-policy.ts";
export { cameOverTls, type HeaderEntry, nextSecurityHeaders, securityHeaderRecord, securityHeaders, strictTransportSecurity } from "./security-headers.ts";
