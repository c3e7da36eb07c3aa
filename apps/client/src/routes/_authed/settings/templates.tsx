import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createFileRoute } from "@tanstack/react-router";
import { useState } from "react";
import { EmptyState } from "../../../components/common/empty-state.tsx";
import { QueryError } from "../../../components/common/query-error.tsx";
import { SkeletonRows } from "../../../components/common/skeleton.tsx";
import { SettingsPage } from "../../../components/settings/settings-page.tsx";
import { TemplateForm } from "../../../components/settings/template-form.tsx";
import { toastApiError } from "../../../lib/toast-api-error.tsx";
import { useTRPC } from "../../../lib/trpc.ts";

export const Route = createFileRoute("/_authed/settings/templates")({ component: TemplatesSettings });

function TemplatesSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const templates = useQuery(trpc.template.list.queryOptions());
  const remove = useMutation(trpc.template.delete.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries(trpc.template.pathFilter()), onError: toastApiError }));
  return (
    <SettingsPage title={m.settings_templates()}>
      <h2 className="font-semibold">{m.templates_new()}</h2>
      <TemplateForm onDone={() => undefined} />
      {templates.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.data?.length === 0 && <EmptyState title={m.templates_empty()} hint={m.templates_empty_hint()} />}
      <ul className="space-y-2">
        {templates.data?.map((template) =>
          editing === template.id ? (
            <li key={template.id}>
              <TemplateForm template={template} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={template.id} className="flex flex-wrap items-start gap-2 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {template.name} {template.shortcut && <span className="font-mono text-xs text-slate-500">/{template.shortcut}</span>}
                </p>
                <p className="truncate text-sm text-slate-600 dark:text-slate-400">{template.body}</p>
              </div>
              <Button variant="ghost" onClick={() => setEditing(template.id)}>{m.common_edit()}</Button>
              <Button variant="ghost" onClick={() => window.confirm(m.common_confirm_delete({ name: template.name })) && remove.mutate({ id: template.id })}>
                {m.common_delete()}
              </Button>
            </li>
          ),
        )}
      </ul>
    </SettingsPage>
  );
}
