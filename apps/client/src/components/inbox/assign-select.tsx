import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { useId } from "react";
import { useMembers } from "../../hooks/use-members.ts";
import { inputClassName } from "../common/text-field.tsx";

/** Who handles the chat: a member, the caller ("Assign to me") or nobody. */
export function AssignSelect({ assigneeUserId, myUserId, onAssign }: { assigneeUserId: string | null; myUserId: string; onAssign: (userId: string | null) => void }) {
  const id = useId();
  const members = useMembers();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-xs font-semibold text-slate-500 uppercase">
        {m.chat_assignee()}
      </label>
      <div className="flex gap-2">
        <select id={id} className={inputClassName} value={assigneeUserId ?? ""} onChange={(event) => onAssign(event.target.value || null)}>
          <option value="">{m.chat_unassigned()}</option>
          {(members.data ?? []).map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.userId === myUserId ? m.chat_assignee_me({ name: member.name }) : member.name}
            </option>
          ))}
        </select>
        {assigneeUserId !== myUserId && (
          <Button variant="secondary" className="shrink-0 px-3" onClick={() => onAssign(myUserId)}>
            {m.chat_assign_me()}
          </Button>
        )}
      </div>
    </div>
  );
}
