/** How a message's delivery state is drawn, from WhatsApp's ack number. */
export type AckState = "failed" | "pending" | "sent" | "delivered" | "read";

/** WAHA acks: -1 failed, 0 pending, 1 server (sent), 2 device (delivered), 3 read, 4 played. */
export function ackState(ack: number | null | undefined): AckState {
  if (ack === null || ack === undefined) return "pending";
  if (ack < 0) return "failed";
  if (ack === 0) return "pending";
  if (ack === 1) return "sent";
  if (ack === 2) return "delivered";
  return "read";
}
