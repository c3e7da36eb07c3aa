/** One outgoing email. `link` is the action it carries (accept an invitation, reset a password). */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  link?: string | undefined;
}

/**
 * Sends the server's emails (invitations, password resets). Two implementations, picked once
 * from env by `createMailer`: SMTP, or the dev mailbox file when no SMTP server is configured.
 */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}
