// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Files that are generated or built and never linted. */
export const ignores = [
  "**/node_modules/**",
  "**/dist/**",
  "**/.next/**",
  "**/.astro/**",
  "**/.source/**",
  "**/.output/**",
  "**/.turbo/**",
  "**/paraglide/**",
  "**/routeTree.gen.ts",
  "**/next-env.d.ts",
  "**/migrations/**",
];

/**
 * The base flat config every workspace spreads: ESLint's and typescript-eslint's recommended
 * rules, plus the project's own: env is read only in each app's `env.ts` (STYLE.md §5).
 */
export const baseConfig = tseslint.config(
  { ignores },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through the app's env.ts." },
      ],
    },
  },
  {
    // The places allowed to read the environment.
    files: ["**/env.ts", "**/*.config.{js,ts,mjs}", "**/scripts/**", "**/*.test.ts", "**/test/**", "**/*.e2e.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);

export default baseConfig;
