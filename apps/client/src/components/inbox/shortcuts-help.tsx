import { m } from "@nexis/i18n/messages";
import { Button } from "@nexis/ui";
import { Fragment, useEffect, useId, useRef } from "react";
import { shortcutList } from "../../lib/shortcuts.ts";

/**
 * The `?` sheet: every inbox shortcut. A modal <dialog>, so the browser traps focus in it,
 * closes it on Escape and gives focus back to where it was.
 */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="shortcuts-help"
      onClose={onClose}
      // A click on the backdrop lands on the dialog itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="space-y-4 p-5">
        <div className="space-y-1">
          <h2 id={titleId} className="text-lg font-semibold">
            {m.shortcuts_title()}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{m.shortcuts_hint()}</p>
        </div>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
          {shortcutList.map((shortcut) => (
            <Fragment key={shortcut.action}>
              <dt>{shortcut.label()}</dt>
              <dd className="flex flex-wrap justify-end gap-1 text-right">
                {shortcut.keys.map((combo, index) => (
                  <span key={combo.join("+")} className="flex items-center gap-1">
                    {index > 0 && <span className="text-xs text-slate-500">{m.shortcuts_or()}</span>}
                    {combo.map((key) => (
                      <kbd key={key} className="min-w-6 rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 text-center font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                        {key}
                      </kbd>
                    ))}
                  </span>
                ))}
              </dd>
            </Fragment>
          ))}
        </dl>
        <form method="dialog" className="flex justify-end">
          <Button type="submit" variant="secondary">
            {m.common_close()}
          </Button>
        </form>
      </div>
    </dialog>
  );
}
