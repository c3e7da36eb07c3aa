import { classNames } from "@nexis/ui";
import { forwardRef, type InputHTMLAttributes, useId } from "react";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled input with its hint and validation message, for react-hook-form's `register`. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField({ label, error, hint, className, ...props }, ref) {
  const id = useId();
  return (
    <div className={classNames("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        className={classNames(inputClassName, error && "ring-red-500")}
        {...props}
      />
      {(error ?? hint) && (
        <p id={`${id}-note`} className={classNames("text-xs", error ? "text-red-700 dark:text-red-300" : "text-slate-500 dark:text-slate-400")}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
});

/** The input look, shared by text fields, selects and the composer. */
export const inputClassName =
  "block min-h-10 w-full rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:outline-2 focus:outline-brand-600 dark:bg-slate-900 dark:ring-slate-700";
