import { m } from "@nexis/i18n/messages";
import { Button, Spinner } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { clientEnv } from "../../env.ts";
import { useCountdown } from "../../hooks/use-countdown.ts";
import { qrRefetchInterval } from "../../hooks/use-live-interval.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { AccountStatusBadge } from "../common/account-status-badge.tsx";
import { QueryError } from "../common/query-error.tsx";
import { PairingCodeForm } from "./pairing-code-form.tsx";
import { QrCode } from "./qr-code.tsx";

/** WhatsApp rotates the linking QR every 20 seconds. */
const qrPeriodSeconds = 20;

/** The live QR (or a pairing code) for one number, until its session is WORKING. */
export function LinkNumber({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [useCode, setUseCode] = useState(false);
  const account = useQuery(trpc.account.get.queryOptions({ id: accountId }, { refetchInterval: qrRefetchInterval }));
  const qr = useQuery(trpc.account.qr.queryOptions({ id: accountId }, { refetchInterval: qrRefetchInterval }));
  const secondsLeft = useCountdown(qr.data?.value, qrPeriodSeconds);
  const restart = useMutation(trpc.account.restart.mutationOptions({ onError: toastApiError }));
  const status = qr.data?.status ?? account.data?.status;

  useEffect(() => {
    if (status !== "WORKING") return;
    const timer = setTimeout(() => {
      void queryClient.invalidateQueries(trpc.account.pathFilter());
      void navigate({ to: "/inbox" });
    }, 800);
    return () => clearTimeout(timer);
  }, [status, navigate, queryClient, trpc]);

  if (qr.isError) return <QueryError error={qr.error} onRetry={() => void qr.refetch()} />;
  return (
    <section className="space-y-4" aria-live="polite">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{m.onboarding_scan_title()}</h2>
        {status && <AccountStatusBadge status={status} />}
      </div>
      {status === "WORKING" && <p role="status">{m.onboarding_linked()}</p>}
      {status === "FAILED" && (
        <div className="space-y-2">
          <p className="text-sm text-red-700 dark:text-red-300">{m.onboarding_failed()}</p>
          <Button variant="secondary" disabled={restart.isPending} onClick={() => restart.mutate({ id: accountId })}>
            {m.onboarding_restart()}
          </Button>
        </div>
      )}
      {status !== "WORKING" && status !== "FAILED" && (
        <div className="space-y-3">
          <p className="text-sm text-slate-600 dark:text-slate-300">{m.onboarding_scan_steps()}</p>
          {qr.data?.value ? (
            <div className="space-y-2">
              <QrCode value={qr.data.value} label={m.onboarding_qr_alt()} />
              <p className="text-sm tabular-nums text-slate-600 dark:text-slate-400">{m.onboarding_qr_rotates({ seconds: String(secondsLeft) })}</p>
            </div>
          ) : (
            <Spinner label={m.onboarding_qr_waiting()} />
          )}
          {account.data?.engine === "SANDBOX" && (
            <a href={`${clientEnv.whatsappUrl}/sandbox/phone`} target="_blank" rel="noreferrer" className="inline-flex text-sm font-medium text-brand-700 underline underline-offset-4 dark:text-brand-400">
              {m.onboarding_sandbox_link()}
            </a>
          )}
          <div>
            {useCode ? (
              <PairingCodeForm accountId={accountId} />
            ) : (
              <Button variant="ghost" onClick={() => setUseCode(true)}>
                {m.onboarding_use_code()}
              </Button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
