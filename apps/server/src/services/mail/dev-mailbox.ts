import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@nexis/observability";
import { defaultLogger } from "../../default-logger.ts";
import type { Mail, Mailer } from "./mailer.ts";

/** One line of the dev mailbox file. */
export interface MailboxEntry extends Mail {
  sentAt: string;
}

/**
 * A mailer for development and tests: each mail becomes a JSON line in `file` (read it, or
 * follow the logged link), so invitations and resets work without an SMTP server. The log line
 * carries the link only, never the body.
 */
export function createDevMailbox(file: string, logger: Logger = defaultLogger): Mailer {
  return {
    async send(mail) {
      const entry: MailboxEntry = { ...mail, sentAt: new Date().toISOString() };
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      logger.info(`[mail] "${mail.subject}" to ${mail.to} written to ${file}${mail.link ? `: ${mail.link}` : ""}`);
    },
  };
}
