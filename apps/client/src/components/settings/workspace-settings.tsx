import { m } from "@nexis/i18n/messages";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";
import { SettingsPage } from "./settings-page.tsx";
import { WorkspaceDeleteZone } from "./workspace-delete-zone.tsx";
import { WorkspaceRenameForm } from "./workspace-rename-form.tsx";

/** The active workspace: its name, and deleting it. What each role sees follows the API's rules. */
export function WorkspaceSettings() {
  const trpc = useTRPC();
  const workspace = useQuery(trpc.workspace.get.queryOptions());
  return (
    <SettingsPage title={m.settings_workspace()}>
      {workspace.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {workspace.isError && <QueryError error={workspace.error} onRetry={() => void workspace.refetch()} />}
      {workspace.data && (
        <>
          <WorkspaceRenameForm name={workspace.data.name} canRename={hasRole(workspace.data.role, "owner", "admin")} />
          <WorkspaceDeleteZone name={workspace.data.name} isOwner={hasRole(workspace.data.role, "owner")} />
        </>
      )}
    </SettingsPage>
  );
}

/** Better Auth may store several roles as "admin,owner". */
function hasRole(role: string, ...wanted: string[]) {
  return role.split(",").some((one) => wanted.includes(one.trim()));
}
