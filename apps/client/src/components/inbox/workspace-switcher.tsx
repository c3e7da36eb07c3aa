import { m } from "@nexis/i18n/messages";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { inputClassName } from "../common/text-field.tsx";

/** Picks the active workspace; everything shown then belongs to it. */
export function WorkspaceSwitcher() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const workspaces = useQuery(trpc.workspace.listMine.queryOptions());
  const setActive = useMutation(
    trpc.workspace.setActive.mutationOptions({
      onSuccess: async () => {
        await navigate({ to: "/inbox", search: {} });
        await queryClient.invalidateQueries();
      },
      onError: toastApiError,
    }),
  );
  const active = workspaces.data?.find((workspace) => workspace.active);
  return (
    <label className="block space-y-1">
      <span className="text-xs font-semibold text-slate-500 uppercase">{m.nav_workspace()}</span>
      <select
        aria-label={m.workspace_switch()}
        className={inputClassName}
        value={active?.id ?? ""}
        disabled={!workspaces.data || setActive.isPending}
        onChange={(event) => setActive.mutate({ workspaceId: event.target.value })}
      >
        {(workspaces.data ?? []).map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
    </label>
  );
}
