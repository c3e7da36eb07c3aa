"use client";

import { useEffect } from "react";
import { publicSentryDsn } from "~/public-env";

/**
 * Puts the signed-in visitor's ids (never names or e-mails) on the browser's Sentry reports, when
 * the browser SDK runs (a DSN is set); renders nothing.
 */
export function SentryVisitor({ userId, workspaceId }: { userId: string; workspaceId: string }) {
  useEffect(() => {
    if (!publicSentryDsn) return;
    void import("~/lib/sentry-browser").then(({ tagBrowserVisitor }) => tagBrowserVisitor({ userId, workspaceId }));
  }, [userId, workspaceId]);
  return null;
}
