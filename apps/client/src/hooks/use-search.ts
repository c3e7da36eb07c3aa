import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";
import { useDebouncedValue } from "./use-debounced-value.ts";

/** Fewer characters than this are not searched (the API refuses them too). */
export const minSearchLength = 2;
const debounceMs = 250;

/**
 * The inbox search (`search.inbox`) for what is typed, asked once typing pauses. `active` says
 * whether the box holds a query at all; `tooShort` whether it is too short to search.
 */
export function useInboxSearch(typed: string) {
  const trpc = useTRPC();
  const query = useDebouncedValue(typed.trim(), debounceMs);
  const enabled = query.length >= minSearchLength;
  const results = useQuery(trpc.search.inbox.queryOptions({ query }, { enabled, placeholderData: keepPreviousData, staleTime: 10_000 }));
  const active = typed.trim().length > 0;
  return { results, query, active, tooShort: active && typed.trim().length < minSearchLength, settling: typed.trim() !== query };
}
