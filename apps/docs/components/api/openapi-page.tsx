"use client";
import { createOpenAPIPage } from "fumadocs-openapi/ui";
import { extensionTag } from "@/lib/openapi-tags";

/**
 * One tag's operations of the WhatsApp service, rendered by Fumadocs OpenAPI in its default layout,
 * with each operation marked as WAHA-compatible or as a NexisChat extension (its tag says which).
 * No playground: the service needs an API key and usually runs on another host, so readers get
 * the method and path, and curl and other samples to copy.
 */
export const OpenAPIPage = createOpenAPIPage({
  playground: { enabled: false },
  content: {
    renderOperationLayout: (slots, { operation }) => {
      const extension = operation.tags?.includes(extensionTag) ?? false;
      return (
        <div className="flex flex-col gap-x-6 gap-y-4 @4xl:flex-row @4xl:items-start" data-api-origin={extension ? "extension" : "waha"}>
          <div className="min-w-0 flex-1">
            {slots.header}
            <p className="not-prose mb-3">
              <span
                className={
                  extension
                    ? "rounded-md border border-fd-primary px-2 py-0.5 text-xs font-semibold text-fd-primary"
                    : "rounded-md border px-2 py-0.5 text-xs font-semibold text-fd-muted-foreground"
                }
              >
                {extension ? "NexisChat extension" : "WAHA-compatible"}
              </span>
            </p>
            {slots.apiPlayground}
            {slots.description}
            {slots.authSchemes}
            {slots.parameters}
            {slots.body}
            {slots.responses}
            {slots.callbacks}
          </div>
          <div className="@4xl:sticky @4xl:top-[calc(var(--fd-docs-row-1,2rem)+1rem)] @4xl:w-[400px]">{slots.apiExample}</div>
        </div>
      );
    },
  },
});
