import { initials } from "../../lib/chat-display.ts";

/** A round avatar with the chat's initials. */
export function Avatar({ name }: { name: string }) {
  return (
    <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-semibold text-brand-900 dark:bg-brand-900 dark:text-brand-100">
      {initials(name)}
    </span>
  );
}
