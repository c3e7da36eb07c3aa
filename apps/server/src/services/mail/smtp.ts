import { createTransport } from "nodemailer";
import type { Mailer } from "./mailer.ts";

/** A mailer sending through the SMTP server of `url` (`smtp://user:pass@host:587`, `smtps://…`). */
export function createSmtpMailer(url: string, from: string): Mailer {
  const transport = createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
