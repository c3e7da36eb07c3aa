import { m } from "@nexis/i18n/messages";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useChatActions } from "../../hooks/use-chat-actions.ts";
import { useCurrentUserId } from "../../hooks/use-current-user.ts";
import type { Chat } from "../../lib/api-types.ts";
import { toastApiError } from "../../lib/toast-api-error.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { inputClassName } from "../common/text-field.tsx";
import { AssignSelect } from "./assign-select.tsx";
import { ChatStateButtons } from "./chat-state-buttons.tsx";

/** The open chat's menu: pin, mute, archive, mark unread, assignee, tags and folder. Escape closes it. */
export function ChatActions({ chat }: { chat: Chat }) {
  const trpc = useTRPC();
  const myUserId = useCurrentUserId();
  const actions = useChatActions(chat.id, myUserId);
  const menu = useRef<HTMLDetailsElement>(null);
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const folders = useQuery(trpc.folder.list.queryOptions());
  // A tag's box shows the state asked for at once, until the refreshed chat confirms (or an error undoes) it.
  const [asked, setAsked] = useState<Record<string, boolean>>({});
  const refresh = () => Promise.all([queryClient.invalidateQueries(trpc.chat.pathFilter()), queryClient.invalidateQueries(trpc.tag.list.pathFilter())]);
  const options = { onSuccess: refresh, onError: toastApiError };
  const tagOptions = {
    ...options,
    onSettled: (_data: unknown, _error: unknown, input: { id: string }) =>
      setAsked(({ [input.id]: _settled, ...rest }) => rest),
  };
  const attach = useMutation(trpc.tag.attach.mutationOptions(tagOptions));
  const detach = useMutation(trpc.tag.detach.mutationOptions(tagOptions));
  const addToFolder = useMutation(trpc.folder.addChats.mutationOptions(options));
  const removeFromFolder = useMutation(trpc.folder.removeChats.mutationOptions(options));
  const toggleTag = (id: string, on: boolean) => {
    setAsked((current) => ({ ...current, [id]: on }));
    (on ? attach : detach).mutate({ id, chatIds });
  };
  const chatIds = [chat.id];

  const moveTo = (folderId: string) => {
    if (folderId) addToFolder.mutate({ id: folderId, chatIds });
    else if (chat.folderId) removeFromFolder.mutate({ id: chat.folderId, chatIds });
  };

  return (
    <details
      ref={menu}
      className="relative"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !menu.current?.open) return;
        // The menu takes this Escape; the inbox's own (closing the chat) must not see it.
        event.stopPropagation();
        menu.current.open = false;
        menu.current.querySelector("summary")?.focus();
      }}
    >
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-medium hover:bg-slate-100 dark:hover:bg-slate-800">
        {m.chat_actions()}
      </summary>
      <div className="absolute right-0 z-10 mt-1 max-h-[70dvh] w-72 max-w-[calc(100vw-1.5rem)] space-y-3 overflow-y-auto rounded-xl bg-white p-3 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        {/* An action done, the menu closes (what changed shows in the list and the header). */}
        <div onClick={() => menu.current?.removeAttribute("open")}>
          <ChatStateButtons chat={chat} actions={actions} />
        </div>
        <AssignSelect assigneeUserId={chat.assigneeUserId} myUserId={myUserId} onAssign={actions.assign} />
        <fieldset className="space-y-1">
          <legend className="text-xs font-semibold text-slate-500 uppercase">{m.chat_tag()}</legend>
          {(tags.data ?? []).map((tag) => {
            const on = asked[tag.id] ?? chat.tags.some((chatTag) => chatTag.id === tag.id);
            return (
              <label key={tag.id} className="flex min-h-8 items-center gap-2 text-sm">
                <input type="checkbox" checked={on} onChange={() => toggleTag(tag.id, !on)} />
                <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: tag.color ?? "#94a3b8" }} />
                {tag.name}
              </label>
            );
          })}
        </fieldset>
        <label className="block space-y-1">
          <span className="text-xs font-semibold text-slate-500 uppercase">{m.chat_folder()}</span>
          <select className={inputClassName} value={chat.folderId ?? ""} onChange={(event) => moveTo(event.target.value)}>
            <option value="">{m.chat_inbox_folder()}</option>
            {(folders.data ?? []).map((folder) => (
              <option key={folder.id} value={folder.id}>
                {folder.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </details>
  );
}
