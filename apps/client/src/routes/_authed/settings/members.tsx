import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { roleSchema } from "server/schemas";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { inputClassName } from "../../../components/common/text-field.tsx";
import { InviteForm } from "../../../components/settings/invite-form.tsx";
import { RoleOptions } from "../../../components/settings/role-options.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { SsoSettings } from "../../../components/settings/sso-settings.tsx";
import { toastApiError } from "../../../lib/toast-api-error.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/members")({ component: MembersSettings });

function MembersSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions());
  const options = { onSuccess: () => void queryClient.invalidateQueries(trpc.member.list.pathFilter()), onError: toastApiError };
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions(options));
  const remove = useMutation(trpc.member.remove.mutationOptions(options));
  return (
    <SettingsPage title={m.settings_members()}>
      <InviteForm />
      {members.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {members.isError && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
      <ul className="space-y-2">
        {members.data?.members.map((member) => (
          <li key={member.id} className="flex flex-wrap items-center gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">{member.name}</p>
              <p className="truncate text-xs text-slate-500">{member.email}</p>
            </div>
            <select
              aria-label={m.members_role()}
              className={`${inputClassName} w-auto`}
              value={member.role}
              onChange={(event) => changeRole.mutate({ id: member.id, role: roleSchema.parse(event.target.value) })}
            >
              <RoleOptions />
            </select>
            <Button variant="ghost" onClick={() => window.confirm(m.common_confirm_delete({ name: member.name })) && remove.mutate({ id: member.id })}>
              {m.members_remove()}
            </Button>
          </li>
        ))}
      </ul>
      {(members.data?.invitations.length ?? 0) > 0 && (
        <div className="space-y-2">
          <h2 className="font-semibold">{m.members_pending()}</h2>
          <ul className="space-y-1 text-sm">
            {members.data?.invitations.map((invitation) => (
              <li key={invitation.id} className="flex justify-between gap-2">
                <span className="truncate">{invitation.email}</span>
                <span className="text-slate-500">{invitation.role}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <SsoSettings />
    </SettingsPage>
  );
}
