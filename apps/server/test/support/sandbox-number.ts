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

/**
 * Scans the number's current QR with the sandbox phone, as a person holding the phone does. The
 * sandbox's QR rotates every 2 s in tests: on a busy machine the one read may have rotated before
 * the scan lands, which the phone refuses (422), so it reads the current one and scans again.
 */
export async function scanCurrentQr(server: Pick<TestServer, "whatsapp">, user: Pick<TestUser, "trpc">, id: string): Promise<void> {
  await eventually(async () => {
    const qr = await user.trpc.account.qr.query({ id });
    if (!qr.value) throw new Error(`no QR yet (${qr.status})`);
    const scan = await server.whatsapp.request("POST", `/api/sandbox/${id}/scan`, { value: qr.value });
    if (scan.status !== 201) throw new Error(`scan refused: ${scan.status} ${await scan.text()}`);
  });
}

/** Adds a number and links it through the sandbox phone, as the onboarding does. */
export async function linkNumber(server: Pick<TestServer, "whatsapp">, user: Pick<TestUser, "trpc">, name: string): Promise<string> {
  const { id } = await user.trpc.account.addAccount.mutate({ name });
  await scanCurrentQr(server, user, id);
  await eventually(async () => {
    if ((await user.trpc.account.get.query({ id })).status !== "WORKING") throw new Error("not linked yet");
  });
  return id;
}
