/**
 * What the browser code may read of the configuration: values next.config.ts writes into the
 * build (`env`), never secrets. Next.js inlines them only where they are spelt out in full.
 */
// eslint-disable-next-line no-restricted-properties -- browser code: Next.js replaces this at build time.
export const publicSentryDsn = process.env.NEXT_PUBLIC_SENTRY_DSN || undefined;
