import { m } from "@nexis/i18n/messages";
import type { Template } from "../../lib/api-types.ts";

/** The `/` menu above the composer; Enter in the composer picks the first match. */
export function TemplatePicker({ matches, loaded, onPick }: { matches: Template[]; loaded: boolean; onPick: (template: Template) => void }) {
  return (
    <div role="listbox" aria-label={m.settings_templates()} className="absolute right-0 bottom-full left-0 mb-2 max-h-60 overflow-y-auto rounded-xl bg-white p-1 shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      {loaded && matches.length === 0 && <p className="p-3 text-sm text-slate-600 dark:text-slate-400">{m.templates_picker_empty()}</p>}
      {matches.map((template, index) => (
        <button
          key={template.id}
          type="button"
          role="option"
          aria-selected={index === 0}
          // mousedown, not click: the textarea keeps its caret and focus.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(template);
          }}
          className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100 aria-selected:bg-slate-100 dark:hover:bg-slate-800 dark:aria-selected:bg-slate-800"
        >
          <span className="font-medium">{template.name}</span>
          {template.shortcut && <span className="ml-2 font-mono text-xs text-slate-500">/{template.shortcut}</span>}
          <span className="block truncate text-xs text-slate-500 dark:text-slate-400">{template.body}</span>
        </button>
      ))}
    </div>
  );
}
