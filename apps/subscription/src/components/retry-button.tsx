"use client";

import { Button } from "@nexis/ui";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Re-renders the current page on the server, e.g. to ask the API again. */
export function RetryButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
      {label}
    </Button>
  );
}
