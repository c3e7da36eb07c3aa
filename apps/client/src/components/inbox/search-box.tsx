import { m } from "@nexis/i18n/messages";

/** The search box's id: the `/` shortcut focuses it (see `focusInboxSearch`). */
export const inboxSearchId = "inbox-search";

/** Puts the caret in the inbox search box; false when the box is not on the page. */
export function focusInboxSearch(): boolean {
  const input = document.getElementById(inboxSearchId);
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  return true;
}

/** Above the chat list: searches chats and messages; Escape clears it. */
export function SearchBox({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <div role="search" className="relative border-b border-slate-200 px-3 py-2 dark:border-slate-800">
      <label htmlFor={inboxSearchId} className="sr-only">
        {m.search_label()}
      </label>
      <svg viewBox="0 0 16 16" aria-hidden className="pointer-events-none absolute top-1/2 left-6 size-4 -translate-y-1/2 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
        <circle cx="7" cy="7" r="4.5" />
        <path d="M10.5 10.5L14 14" />
      </svg>
      <input
        id={inboxSearchId}
        type="search"
        autoComplete="off"
        value={value}
        placeholder={m.search_placeholder()}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && value) {
            event.preventDefault();
            event.stopPropagation();
            onChange("");
          }
        }}
        className="min-h-10 w-full rounded-lg bg-slate-100 py-2 pr-9 pl-9 text-sm placeholder:text-slate-500 focus:outline-2 focus:outline-brand-600 dark:bg-slate-800 [&::-webkit-search-cancel-button]:hidden"
      />
      {value && (
        <button type="button" onClick={() => onChange("")} aria-label={m.search_clear()} className="absolute top-1/2 right-5 grid size-7 -translate-y-1/2 place-items-center rounded-full text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700">
          ×
        </button>
      )}
    </div>
  );
}
