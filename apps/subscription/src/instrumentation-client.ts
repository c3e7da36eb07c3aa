import { publicSentryDsn } from "./public-env";

// Runs in the browser before the portal's pages hydrate: Sentry's browser SDK when the server was
// given a SENTRY_DSN (next.config.ts writes it into the build); without one it is never loaded.
const dsn = publicSentryDsn;
if (dsn) void import("./lib/sentry-browser").then(({ startBrowserSentry }) => startBrowserSentry(dsn));
