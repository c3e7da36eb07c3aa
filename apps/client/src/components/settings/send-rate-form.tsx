import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { sendRateSchema } from "server/schemas";
import { toast } from "sonner";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

/** A number's sending rate (messages a minute, 1–60); empty means the server default. */
export function SendRateForm({ accountId, messagesPerMinute }: { accountId: string; messagesPerMinute: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = messagesPerMinute === null ? "" : String(messagesPerMinute);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation(
    trpc.account.setSendRate.mutationOptions({
      onSuccess: async () => {
        toast.success(m.numbers_send_rate_saved());
        await queryClient.invalidateQueries(trpc.account.pathFilter());
      },
      onError: toastApiError,
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    // The server's own rule, so the field says what is wrong before any request.
    const parsed = trimmed === "" ? null : sendRateSchema.safeParse(Number(trimmed));
    if (parsed && !parsed.success) {
      setError(m.numbers_send_rate_invalid());
      return;
    }
    setError(undefined);
    save.mutate({ id: accountId, messagesPerMinute: parsed ? parsed.data : null });
  };

  return (
    <form onSubmit={submit} className="flex w-full flex-wrap items-end gap-2" noValidate>
      <TextField
        className="w-40"
        type="number"
        inputMode="numeric"
        min={1}
        max={60}
        step={1}
        label={m.numbers_send_rate_label()}
        placeholder={m.numbers_send_rate_default()}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        error={error}
      />
      <Button type="submit" variant="ghost" disabled={save.isPending || value.trim() === saved}>
        {m.common_save()}
      </Button>
      <p className="w-full text-xs text-slate-500 dark:text-slate-400">{m.numbers_send_rate_hint()}</p>
    </form>
  );
}
