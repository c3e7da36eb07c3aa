import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";

/** A failed load: what went wrong and a retry. */
export function QueryError({ error, onRetry }: { error: { message: string }; onRetry: () => void }) {
  return (
    <div role="alert" className="space-y-3 p-4 text-sm">
      <p className="text-red-700 dark:text-red-300">{m.common_load_error({ message: error.message })}</p>
      <Button variant="secondary" onClick={onRetry}>
        {m.common_retry()}
      </Button>
    </div>
  );
}
