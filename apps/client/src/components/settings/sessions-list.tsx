import { m } from "@nexis/i18n/messages";
import { getLocale } from "@nexis/i18n/runtime";
import { Button } from "@nexis/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { authClient } from "../../lib/auth-client.ts";
import { describeUserAgent } from "../../lib/user-agent.ts";
import { QueryError } from "../common/query-error.tsx";
import { SkeletonRows } from "../common/skeleton.tsx";

/** Better Auth's sessions live outside tRPC; this key lets the password form refresh them too. */
export const sessionsQueryKey = ["auth", "sessions"] as const;

type AuthResult<T> = { data: T | null; error: { message?: string | undefined; statusText: string } | null };

/** Better Auth's client answers `{ data, error }`; TanStack Query wants a throw. */
async function unwrap<T>(call: Promise<AuthResult<T>>): Promise<T> {
  const { data, error } = await call;
  if (error || data === null) throw new Error(error?.message ?? error?.statusText ?? "Request failed");
  return data;
}

/** Where the signed-in person is signed in, with a way out of each other session or all of them. */
export function SessionsList({ currentToken }: { currentToken: string }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: () => unwrap(authClient.listSessions()) });
  const options = {
    onSuccess: () => {
      toast.success(m.profile_sessions_revoked());
      return queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error: Error) => toast.error(m.profile_failed({ message: error.message })),
  };
  const revoke = useMutation({ mutationFn: (token: string) => unwrap(authClient.revokeSession({ token })), ...options });
  const revokeOthers = useMutation({ mutationFn: () => unwrap(authClient.revokeOtherSessions()), ...options });
  // The current session first, then the most recently active.
  const sorted = [...(sessions.data ?? [])].sort((a, b) => Number(b.token === currentToken) - Number(a.token === currentToken) || +new Date(b.updatedAt) - +new Date(a.updatedAt));
  return (
    <div className="space-y-3">
      {sessions.isPending && <SkeletonRows label={m.common_loading()} count={2} />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      <ul className="space-y-2">
        {sorted.map((session) => {
          const current = session.token === currentToken;
          const device = deviceName(session.userAgent);
          return (
            <li key={session.id} data-testid="session" className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 p-3 dark:border-slate-800">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">
                  {device}
                  {current && <span className="ms-2 rounded-full bg-brand-100 px-2 py-0.5 text-xs text-brand-800 dark:bg-brand-900/40 dark:text-brand-200">{m.profile_session_current()}</span>}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {m.profile_session_details({ ip: session.ipAddress || "?", time: new Date(session.updatedAt).toLocaleString(getLocale(), { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
              </div>
              {!current && (
                <Button variant="ghost" aria-label={m.profile_session_revoke_label({ device })} disabled={revoke.isPending} onClick={() => revoke.mutate(session.token)}>
                  {m.profile_session_revoke()}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {sorted.length > 1 && (
        <Button variant="secondary" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
          {m.profile_sessions_revoke_others()}
        </Button>
      )}
    </div>
  );
}

function deviceName(userAgent: string | null | undefined) {
  const { browser, os } = describeUserAgent(userAgent);
  if (browser && os) return m.profile_session_device({ browser, os });
  return browser ?? os ?? m.profile_session_unknown_device();
}
