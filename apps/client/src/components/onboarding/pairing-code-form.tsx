import { zodResolver } from "@hookform/resolvers/zod";
import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { type RequestCodeInput, requestCodeSchema } from "server/schemas";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { TextField } from "../common/text-field.tsx";

/** The alternative to the QR: a code typed on the phone (`account.requestCode`). */
export function PairingCodeForm({ accountId }: { accountId: string }) {
  const trpc = useTRPC();
  const form = useForm<RequestCodeInput>({ resolver: zodResolver(requestCodeSchema), defaultValues: { id: accountId } });
  const request = useMutation(trpc.account.requestCode.mutationOptions({ onError: toastApiError }));
  const pairingCode = readPairingCode(request.data);
  return (
    <div className="space-y-3">
      <form onSubmit={(event) => void form.handleSubmit((values) => request.mutate(values))(event)} className="flex flex-wrap items-end gap-2" noValidate>
        <TextField
          className="min-w-48 flex-1"
          label={m.onboarding_phone_label()}
          type="tel"
          autoComplete="tel"
          error={form.formState.errors.phoneNumber?.message}
          {...form.register("phoneNumber")}
        />
        <Button type="submit" variant="secondary" disabled={request.isPending}>
          {m.onboarding_request_code()}
        </Button>
      </form>
      {pairingCode && (
        <div role="status" className="space-y-1 text-sm">
          <p>{m.onboarding_code_steps()}</p>
          <p data-testid="pairing-code" className="font-mono text-2xl font-bold tracking-widest">
            {pairingCode}
          </p>
        </div>
      )}
    </div>
  );
}

/** WAHA answers `{ code: "ABCD-EFGH" }`; the API's output type does not say so yet, hence the check. */
function readPairingCode(data: unknown): string | null {
  if (typeof data !== "object" || data === null || !("code" in data)) return null;
  return typeof data.code === "string" ? data.code : null;
}
