import type { TestServer, TestUser } from "./server.ts";

/** Retries `check` until it stops throwing (the queue, webhooks and the sandbox work asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Adds a number and links it through the sandbox phone, as the onboarding does. */
export async function linkNumber(server: Pick<TestServer, "whatsapp">, user: Pick<TestUser, "trpc">, name: string): Promise<string> {
  const { id } = await user.trpc.account.addAccount.mutate({ name });
  const { value } = await eventually(async () => {
    const qr = await user.trpc.account.qr.query({ id });
    if (!qr.value) throw new Error(`no QR yet (${qr.status})`);
    return qr;
  });
  await server.whatsapp.request("POST", `/api/sandbox/${id}/scan`, { value });
  await eventually(async () => {
    if ((await user.trpc.account.get.query({ id })).status !== "WORKING") throw new Error("not linked yet");
  });
  return id;
}
