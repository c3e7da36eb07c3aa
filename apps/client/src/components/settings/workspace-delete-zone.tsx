import { m } from "@nexis/i18n/messages";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { toast } from "sonner";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { inputClassName } from "../common/text-field.tsx";

/**
 * Deleting the workspace: says what goes with it, and (like the API) asks for its name typed
 * again. Afterwards the session is already in its next workspace, or in none (onboarding).
 */
export function WorkspaceDeleteZone({ name, isOwner }: { name: string; isOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const id = useId();
  const [typed, setTyped] = useState("");
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: async ({ activeWorkspaceId }) => {
        toast.success(m.workspace_deleted());
        // Everything cached belonged to the deleted workspace: the next screen fetches afresh.
        queryClient.removeQueries();
        await navigate(activeWorkspaceId ? { to: "/inbox", search: {} } : { to: "/onboarding", search: {} });
      },
      onError: toastApiError,
    }),
  );
  const matches = typed.trim() === name;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-xl border border-red-300 p-4 dark:border-red-900">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-red-700 dark:text-red-300">
        {m.workspace_danger_title()}
      </h2>
      <p id={`${id}-explain`} className="text-sm text-slate-600 dark:text-slate-300">{m.workspace_delete_explain()}</p>
      {isOwner ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (matches) remove.mutate({ confirmName: typed.trim() });
          }}
        >
          <div className="min-w-48 flex-1 space-y-1">
            <label htmlFor={id} className="block text-sm font-medium">
              {m.workspace_delete_confirm_label({ name })}
            </label>
            <input id={id} aria-describedby={`${id}-explain`} className={inputClassName} autoComplete="off" spellCheck={false} value={typed} onChange={(event) => setTyped(event.target.value)} />
          </div>
          <button
            type="submit"
            disabled={!matches || remove.isPending}
            className="min-h-10 rounded-lg bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-50"
          >
            {m.workspace_delete_submit()}
          </button>
        </form>
      ) : (
        <p className="text-sm font-medium">{m.workspace_delete_owner_only()}</p>
      )}
    </section>
  );
}
