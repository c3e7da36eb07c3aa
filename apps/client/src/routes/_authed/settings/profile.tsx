import { createFileRoute } from "@tanstack/react-router";
import { ProfileSettings } from "../../../components/settings/profile-settings.tsx";

export const Route = createFileRoute("/_authed/settings/profile")({ component: ProfileSettings });
