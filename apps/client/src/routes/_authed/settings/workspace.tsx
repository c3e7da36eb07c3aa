import { createFileRoute } from "@tanstack/react-router";
import { WorkspaceSettings } from "../../../components/settings/workspace-settings.tsx";

export const Route = createFileRoute("/_authed/settings/workspace")({ component: WorkspaceSettings });
