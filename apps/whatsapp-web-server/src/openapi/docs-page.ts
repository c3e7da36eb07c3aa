/**
 * `/docs`: an offline reference page. `@elysiajs/openapi`'s own pages (Scalar, Swagger UI) load
 * their code from a CDN, which a self-hosted service behind a firewall may not reach, so this small
 * page renders `/docs/json` itself: operations by tag, with their parameters, bodies and answers.
 */
export const docsPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>NexisChat WhatsApp service API</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 1000px; padding: 16px; color: #1b1f24; }
  h2 { margin-top: 32px; border-bottom: 1px solid #ddd; }
  details { border: 1px solid #e3e6ea; border-radius: 6px; margin: 6px 0; padding: 6px 10px; }
  summary { cursor: pointer; }
  .method { display: inline-block; min-width: 60px; font-weight: 600; font-family: ui-monospace, monospace; }
  .path { font-family: ui-monospace, monospace; }
  .muted { color: #57606a; }
  pre { background: #f6f8fa; padding: 8px; overflow-x: auto; font-size: 12px; }
</style>
</head>
<body>
<h1 id="title">API reference</h1>
<p id="description" class="muted"></p>
<p class="muted">Machine-readable: <a href="/docs/json">/docs/json</a>. Every <code>/api/*</code> route needs the <code>X-Api-Key</code> header.</p>
<div id="tags"></div>
<script src="/docs/docs.js"></script>
</body>
</html>
`;

/** The page's script: plain JS, renders every value with `textContent`. No template literals (it lives in this string). */
export const docsScript = String.raw`"use strict";
(async () => {
  const el = (tag, props, children) => {
    const node = Object.assign(document.createElement(tag), props || {});
    for (const child of children || []) node.append(child);
    return node;
  };
  const doc = await (await fetch("/docs/json")).json();
  document.getElementById("title").textContent = doc.info.title + " " + doc.info.version;
  document.getElementById("description").textContent = doc.info.description;
  const byTag = new Map(doc.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = (operation.tags || ["Other"])[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, operation });
    }
  }
  const json = (value) => el("pre", { textContent: JSON.stringify(value, null, 2) });
  const sections = [];
  for (const [tag, operations] of byTag) {
    if (operations.length === 0) continue;
    const info = doc.tags.find((candidate) => candidate.name === tag);
    sections.push(el("h2", { textContent: tag }));
    if (info && info.description) sections.push(el("p", { className: "muted", textContent: info.description }));
    for (const { path, method, operation } of operations) {
      const parts = [el("summary", {}, [el("span", { className: "method", textContent: method.toUpperCase() }), el("span", { className: "path", textContent: path + "  " }), el("span", { className: "muted", textContent: operation.summary || "" })])];
      if (operation.description) parts.push(el("p", { textContent: operation.description }));
      if (operation.parameters && operation.parameters.length) parts.push(el("h4", { textContent: "Parameters" }), json(operation.parameters));
      if (operation.requestBody) parts.push(el("h4", { textContent: "Request body" }), json(operation.requestBody));
      parts.push(el("h4", { textContent: "Responses" }), json(operation.responses));
      sections.push(el("details", {}, parts));
    }
  }
  sections.push(el("h2", { textContent: "Schemas" }), json(doc.components.schemas));
  document.getElementById("tags").replaceChildren(...sections);
})();
`;
