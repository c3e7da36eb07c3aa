import type { Message } from "../../lib/api-types.ts";
import { systemLineText } from "../../lib/system-line.ts";

/** A WhatsApp system line (members, group name, settings): a small centred note, not a bubble. */
export function SystemLine({ message }: { message: Message }) {
  return (
    <p
      id={`message-${message.id}`}
      className="mx-auto w-fit max-w-[85%] rounded-lg bg-[#fff5c4] px-3 py-1 text-center text-xs text-slate-700 shadow-sm dark:bg-slate-800 dark:text-slate-300"
      data-testid="system-line"
      data-message-id={message.id}
    >
      {systemLineText(message)}
    </p>
  );
}
