import path from "node:path";
import type { Logger } from "@nexis/observability";
import { createDevMailbox } from "./dev-mailbox.ts";
import type { Mailer } from "./mailer.ts";
import { createSmtpMailer } from "./smtp.ts";

export type { Mail, Mailer } from "./mailer.ts";
export { createDevMailbox, type MailboxEntry } from "./dev-mailbox.ts";

/** SMTP when `smtpUrl` is set; otherwise the dev mailbox, `<dataDir>/mailbox.jsonl`. */
export function createMailer(options: { smtpUrl?: string | undefined; from: string; dataDir: string; logger?: Logger }): Mailer {
  if (options.smtpUrl) return createSmtpMailer(options.smtpUrl, options.from);
  return createDevMailbox(path.join(options.dataDir, "mailbox.jsonl"), options.logger);
}
