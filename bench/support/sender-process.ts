// Runs the webhook senders in their own process, as the WhatsApp service would: the server under
// test keeps its event loop to itself, and the load generator's own work (building, signing and
// timing requests) is not charged to the server.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type FireResult, fireWebhooks, messageWebhooks, type Webhook, type WebhookSource } from "./message-webhooks.ts";

export interface SenderJob {
  url: string;
  source: WebhookSource;
  /** Names the series: its event and message ids are unique within it. */
  prefix: string;
  total: number;
  connections: number;
}

/** Fires `job.total` signed message webhooks at `job.url` from a separate process. */
export function fireFromProcess(job: SenderJob): Promise<FireResult> {
  return new Promise((resolve, reject) => {
    const sender = fork(fileURLToPath(import.meta.url), [JSON.stringify(job)], { execArgv: process.execArgv, stdio: "inherit" });
    let result: FireResult | undefined;
    sender.once("message", (message) => (result = message as FireResult));
    sender.once("error", reject);
    sender.once("exit", (code) => (result ? resolve(result) : reject(new Error(`the sender process exited with ${code} and no result`))));
  });
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const job = JSON.parse(process.argv[2] ?? "{}") as SenderJob;
  const batch = messageWebhooks(job.source, job.prefix, job.total);
  let cursor = 0;
  const result = await fireWebhooks(job.url, { connections: job.connections, amount: batch.length, next: () => batch[cursor++ % batch.length] as Webhook });
  process.send(result, () => process.exit(0));
}
