import { useTheme } from "@nexis/ui";
import { Toaster } from "sonner";

/** Sonner's toasts, following the app's light/dark class. */
export function AppToaster() {
  const [theme] = useTheme();
  return <Toaster theme={theme} richColors closeButton position="top-center" />;
}
