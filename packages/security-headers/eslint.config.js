export { default } from "@nexis/eslint-config/base";
