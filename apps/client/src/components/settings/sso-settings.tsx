import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button, Card } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { workosOrganizationIdSchema } from "server/schemas";
import { toast } from "sonner";
import { z } from "zod";
import { useSsoEnabled } from "../../lib/sso.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

const formSchema = z.object({ organizationId: workosOrganizationIdSchema, requireSso: z.boolean() });
type FormValues = z.infer<typeof formSchema>;

/**
 * The workspace's WorkOS organization link and its "require SSO" policy (`workspace.setSso`),
 * for owners and admins: others get FORBIDDEN from `workspace.sso` and see nothing.
 */
export function SsoSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const serverEnabled = useSsoEnabled();
  const sso = useQuery(trpc.workspace.sso.queryOptions(undefined, { retry: false }));
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { organizationId: "", requireSso: false } });
  const { reset } = form;
  useEffect(() => {
    if (sso.data) reset({ organizationId: sso.data.organizationId ?? "", requireSso: sso.data.requireSso });
  }, [sso.data, reset]);
  const save = useMutation(
    trpc.workspace.setSso.mutationOptions({
      onSuccess: () => {
        toast.success(m.sso_settings_saved());
        void queryClient.invalidateQueries(trpc.workspace.sso.pathFilter());
      },
      onError: toastApiError,
    }),
  );
  if (!sso.data) return null;
  const { planIncludesSso, upgradeUrl, organizationId } = sso.data;
  return (
    <Card className="space-y-3">
      <h2 className="font-semibold">{m.sso_settings_title()}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">{m.sso_settings_intro()}</p>
      {!serverEnabled && <p className="text-sm text-amber-700 dark:text-amber-300">{m.sso_settings_server_off()}</p>}
      {!planIncludesSso && (
        <p className="text-sm">
          {m.sso_settings_upgrade()}{" "}
          {upgradeUrl && (
            <a href={upgradeUrl} className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-400">
              {m.plan_upgrade()}
            </a>
          )}
        </p>
      )}
      <form onSubmit={(event) => void form.handleSubmit((values) => save.mutate(values))(event)} className="space-y-3" noValidate>
        <fieldset disabled={!planIncludesSso || save.isPending} className="space-y-3">
          <TextField label={m.sso_settings_organization()} placeholder="org_01H…" autoComplete="off" error={form.formState.errors.organizationId?.message} {...form.register("organizationId")} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register("requireSso")} />
            {m.sso_settings_require()}
          </label>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={!planIncludesSso || save.isPending}>
            {m.sso_settings_save()}
          </Button>
          {/* Unlinking stays possible after a downgrade. */}
          {organizationId && (
            <Button variant="ghost" disabled={save.isPending} onClick={() => save.mutate({ organizationId: null, requireSso: false })}>
              {m.sso_settings_unlink()}
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
