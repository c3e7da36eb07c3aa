import { m } from "@nexis/i18n/messages";
import { templateParts } from "../../lib/template-variables.ts";

/** The template as the agent will see it, variables highlighted until a chat fills them. */
export function TemplatePreview({ body }: { body: string }) {
  return (
    <div className="space-y-1">
      <p className="text-xs font-semibold text-slate-500 uppercase">{m.templates_preview()}</p>
      <p data-testid="template-preview" className="min-h-10 rounded-xl bg-[#d9fdd3] px-3 py-2 text-sm whitespace-pre-wrap text-slate-900 dark:bg-[#005c4b] dark:text-slate-50">
        {templateParts(body).map((part, index) =>
          part.variable ? (
            <mark key={index} className="rounded bg-amber-200 px-0.5 text-slate-900">
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
