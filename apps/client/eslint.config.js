export { default } from "@nexis/eslint-config/react";
