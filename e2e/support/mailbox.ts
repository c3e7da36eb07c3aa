import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface MailboxEntry {
  to: string;
  subject: string;
  link?: string;
}

/** Every `mailbox.jsonl` the apps wrote under the stack's data folder (the API's dev mailbox). */
function mailboxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mailboxFiles(full);
    return entry.name === "mailbox.jsonl" ? [full] : [];
  });
}

/** Waits for a mail to `to` in the dev mailbox and answers its link (an invitation's, a reset's). */
export async function waitForMailLink(dataDir: string, to: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const file of mailboxFiles(dataDir)) {
      const entries = readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as MailboxEntry);
      const mail = entries.reverse().find((entry) => entry.to === to && entry.link);
      if (mail?.link) return mail.link;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No mail with a link reached ${to} under ${dataDir} within ${timeoutMs} ms`);
}
