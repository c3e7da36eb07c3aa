import { readFileSync } from "node:fs";
import { extensionTag, slugifyTag, whatsappOpenapiFile } from "@/lib/openapi";

interface Operation {
  method: string;
  path: string;
  summary?: string;
  tags: string[];
}

const methods = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

/** Every operation of the WhatsApp service's OpenAPI document, read at build time. */
function loadOperations(): Operation[] {
  const document = JSON.parse(readFileSync(/*turbopackIgnore: true*/ whatsappOpenapiFile, "utf8")) as {
    paths?: Record<string, Partial<Record<(typeof methods)[number], { summary?: string; tags?: string[] }>>>;
  };
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    methods.flatMap((method) => {
      const operation = item[method];
      return operation ? [{ method: method.toUpperCase(), path, summary: operation.summary, tags: operation.tags ?? [] }] : [];
    }),
  );
}

/**
 * How many of the service's routes are WAHA's and which ones NexisChat adds (the operations
 * tagged "NexisChat extension"), each linked to its page of the reference.
 */
export function ExtensionRoutes() {
  const operations = loadOperations();
  const extensions = operations.filter((operation) => operation.tags.includes(extensionTag));
  return (
    <>
      <p>
        The document lists <strong>{operations.length}</strong> operations: <strong>{operations.length - extensions.length}</strong> WAHA-compatible
        and <strong>{extensions.length}</strong> NexisChat extensions.
      </p>
      {extensions.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Extension route</th>
              <th>What it does</th>
            </tr>
          </thead>
          <tbody>
            {extensions.map((operation) => (
              <tr key={`${operation.method} ${operation.path}`}>
                <td>
                  <a href={`/docs/api/whatsapp/${slugifyTag(extensionTag)}`}>
                    <code>
                      {operation.method} {operation.path}
                    </code>
                  </a>
                </td>
                <td>{operation.summary ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
