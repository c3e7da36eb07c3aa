// Only what the client calls, so the lazily loaded chunk leaves out the SDK's replay and feedback
// code (a dynamic import of "@sentry/react" itself would keep the whole package).
export { captureException, init, setTag, setUser } from "@sentry/react";
