/** Where the chosen theme is saved; read by the script below and by `useTheme`. */
export const themeStorageKey = "nexis-theme";

/**
 * Inline script for <head>: applies the saved theme (or the system's) before the first paint, so
 * a dark-mode user never sees a white flash. Hook-free, so server components may import it.
 */
export const themeScript = `(function(){try{var t=localStorage.getItem("${themeStorageKey}");if(!t)t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.toggle("dark",t==="dark")}catch(e){}})()`;
