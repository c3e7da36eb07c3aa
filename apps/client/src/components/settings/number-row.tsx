import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { Account } from "../../lib/api-types.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { AccountStatusBadge } from "../common/account-status-badge.tsx";
import { SendRateForm } from "./send-rate-form.tsx";

/**
 * One linked number with rename, relink (restart, or unlink and scan again) and remove; owners
 * and admins (`canManage`) also set its sending rate.
 */
export function NumberRow({ account, canManage = false }: { account: Account; canManage?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => void queryClient.invalidateQueries(trpc.account.pathFilter());
  const options = { onSuccess: refresh, onError: toastApiError };
  const rename = useMutation(trpc.account.rename.mutationOptions(options));
  const restart = useMutation(trpc.account.restart.mutationOptions(options));
  const logout = useMutation(
    trpc.account.logout.mutationOptions({ ...options, onSuccess: () => void navigate({ to: "/onboarding", search: { accountId: account.id } }) }),
  );
  const remove = useMutation(trpc.account.remove.mutationOptions(options));

  const askName = () => {
    const name = window.prompt(m.common_name(), account.name);
    if (name && name !== account.name) rename.mutate({ id: account.id, name });
  };
  return (
    <li className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{account.name}</p>
        <p className="text-xs text-slate-500">{account.phoneNumber ?? account.waId ?? account.engine}</p>
      </div>
      <AccountStatusBadge status={account.status} />
      <div className="flex flex-wrap gap-1">
        <Button variant="ghost" onClick={askName}>{m.common_rename()}</Button>
        {account.status === "WORKING" ? (
          <Button variant="ghost" disabled={logout.isPending} onClick={() => logout.mutate({ id: account.id })}>{m.numbers_logout()}</Button>
        ) : account.status === "SCAN_QR_CODE" ? (
          <Button variant="ghost" onClick={() => void navigate({ to: "/onboarding", search: { accountId: account.id } })}>{m.numbers_relink()}</Button>
        ) : (
          <Button variant="ghost" disabled={restart.isPending} onClick={() => restart.mutate({ id: account.id })}>{m.numbers_restart()}</Button>
        )}
        <Button
          variant="ghost"
          className="text-red-700 dark:text-red-300"
          disabled={remove.isPending}
          onClick={() => window.confirm(m.numbers_confirm_remove({ name: account.name })) && remove.mutate({ id: account.id })}
        >
          {m.numbers_remove()}
        </Button>
      </div>
      {canManage && <SendRateForm accountId={account.id} messagesPerMinute={account.messagesPerMinute} />}
    </li>
  );
}
