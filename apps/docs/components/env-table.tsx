import { Fragment, type ReactNode } from "react";
import { loadEnvReference } from "@/lib/env-reference";

/** Renders `code` spans written with backticks in an .env.example comment. */
function withCode(text: string): ReactNode[] {
  return text.split(/(`[^`]+`)/).map((part, index) =>
    part.startsWith("`") && part.endsWith("`") ? <code key={index}>{part.slice(1, -1)}</code> : <Fragment key={index}>{part}</Fragment>,
  );
}

/**
 * Every environment variable, generated at build time from the repository's `.env.example`, one
 * table per section. A test (test/env-reference.test.ts) fails when an app reads a variable the
 * file does not list, so this table cannot fall behind the code.
 */
export function EnvTable() {
  const sections = loadEnvReference();
  return (
    <>
      {sections.map((section) => (
        <Fragment key={section.title}>
          <h4 id={`env-section-${section.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`}>{section.title}</h4>
          <table>
            <thead>
              <tr>
                <th>Variable</th>
                <th>Default</th>
                <th>What it does</th>
              </tr>
            </thead>
            <tbody>
              {section.variables.map((variable) => (
                <tr key={variable.name} id={`env-${variable.name.toLowerCase()}`}>
                  <td>
                    <code>{variable.name}</code>
                  </td>
                  <td>{variable.defaultValue ? <code>{variable.defaultValue}</code> : <em>unset</em>}</td>
                  <td>{withCode(variable.description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Fragment>
      ))}
    </>
  );
}
