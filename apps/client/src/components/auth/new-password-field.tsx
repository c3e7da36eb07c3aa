import { m } from "@nexis/i18n/messages";
import { forwardRef } from "react";
import { TextField, type TextFieldProps } from "../common/text-field.tsx";

/** A password being chosen (sign-up, reset): the browser may suggest one; the rules are shown. */
export const NewPasswordField = forwardRef<HTMLInputElement, Omit<TextFieldProps, "label" | "type" | "hint"> & { label?: string }>(function NewPasswordField({ label, ...props }, ref) {
  return <TextField ref={ref} label={label ?? m.auth_password()} type="password" autoComplete="new-password" hint={m.auth_password_hint()} {...props} />;
});
