import { m } from "@nexis/i18n/messages";
import { classNames } from "@nexis/ui";
import { groupReactions } from "../../lib/reactions.ts";

/** The reactions under a bubble, one chip per emoji with its count; ours is highlighted. */
export function ReactionsBar({ reactions, onToggle }: { reactions: Record<string, string>; onToggle?: (emoji: string) => void }) {
  const groups = groupReactions(reactions);
  if (groups.length === 0) return null;
  return (
    <ul aria-label={m.message_reactions()} className="-mt-1 flex flex-wrap gap-1" data-testid="reactions">
      {groups.map((group) => (
        <li key={group.emoji}>
          <button
            type="button"
            disabled={!onToggle}
            aria-pressed={group.mine}
            aria-label={m.message_reaction_count({ emoji: group.emoji, count: String(group.count) })}
            onClick={() => onToggle?.(group.emoji)}
            className={classNames(
              "flex min-h-6 items-center gap-1 rounded-full px-2 text-xs shadow-sm ring-1",
              group.mine
                ? "bg-brand-50 ring-brand-500 dark:bg-brand-900 dark:ring-brand-400"
                : "bg-white ring-slate-200 dark:bg-slate-700 dark:ring-slate-600",
            )}
          >
            <span aria-hidden>{group.emoji}</span>
            {group.count > 1 && <span aria-hidden>{group.count}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
