// @ts-check
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";
import { baseConfig } from "./base.js";

/** Base rules plus React hooks rules and browser globals, for React apps and packages. */
export const reactConfig = tseslint.config(...baseConfig, {
  files: ["**/*.{ts,tsx}"],
  plugins: { "react-hooks": reactHooks },
  languageOptions: { globals: { ...globals.browser } },
  rules: {
    "react-hooks/rules-of-hooks": "error",
    "react-hooks/exhaustive-deps": "warn",
  },
});

export default reactConfig;
