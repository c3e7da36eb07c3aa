export { Button, type ButtonProps } from "./button.tsx";
export { Card } from "./card.tsx";
export { classNames } from "./class-names.ts";
export { Spinner } from "./spinner.tsx";
export { StatusBadge } from "./status-badge.tsx";
export { themeScript } from "./theme-script.ts";
export { useTheme, type Theme } from "./theme.tsx";
export { ThemeToggle } from "./theme-toggle.tsx";
