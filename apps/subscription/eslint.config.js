export { default } from "@nexis/eslint-config/next";
