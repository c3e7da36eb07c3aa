"use client";

// @nexis/ui has no "use client" directive and its theme module uses hooks, so a server component
// must not import it at all (not even the `themeScript` string). This client boundary wraps both.
import { themeScript } from "@nexis/ui";

export { ThemeToggle } from "@nexis/ui";

/**
 * The inline <head> script that applies the saved or system theme before the first paint. It is
 * server-rendered into the HTML, so it runs before hydration like any inline script.
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
