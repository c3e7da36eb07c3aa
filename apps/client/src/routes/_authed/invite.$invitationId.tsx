import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createFileRoute, useNavigate } from "@tanstack/react-router";
import { toast } from "sonner";
import { AuthShell } from "../../components/auth/auth-shell.tsx";
import { FormError } from "../../components/common/form-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";

// The server mails `CLIENT_URL/invite/<id>`; signing in (or up) first comes back here.
export const Route = createFileRoute("/_authed/invite/$invitationId")({
  head: () => ({ meta: [{ title: m.invite_title() }] }),
  component: InvitePage,
});

function InvitePage() {
  const { invitationId } = Route.useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation(
    trpc.member.accept.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        toast.success(m.invite_accepted());
        await navigate({ to: "/inbox" });
      },
    }),
  );
  return (
    <AuthShell title={m.invite_title()} intro={m.invite_intro()}>
      <FormError message={accept.isError ? m.invite_failed() : null} />
      <Button className="w-full" disabled={accept.isPending} onClick={() => accept.mutate({ invitationId })}>
        {m.invite_accept()}
      </Button>
    </AuthShell>
  );
}
