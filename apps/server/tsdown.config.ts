import { defineConfig } from "tsdown";

// Bundles the server with the workspace packages it uses (they ship TypeScript sources) into
// dist/; every npm package stays external and resolves from this app's node_modules.
export default defineConfig({
  entry: ["src/index.ts"],
  format: "esm",
  platform: "node",
  target: "node22",
  noExternal: [/^@nexis\//],
  external: [/^(?!@nexis\/)[@a-z]/],
  dts: false,
});
