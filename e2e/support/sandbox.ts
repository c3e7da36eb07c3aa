import { readFileSync } from "node:fs";
import path from "node:path";

/** The WhatsApp service's sandbox controls (`/api/sandbox/<session>/…`), as a test drives the fake phone. */
export function sandboxApi(dataDir: string, baseUrl = "http://localhost:8788") {
  const apiKey = readFileSync(path.join(dataDir, "secrets", "WHATSAPP_API_KEY"), "utf8").trim();
  const post = async (session: string, action: string, body: unknown) => {
    const response = await fetch(`${baseUrl}/api/sandbox/${session}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/json", "X-Api-Key": apiKey },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`sandbox ${action} answered ${response.status}: ${await response.text()}`);
  };
  return {
    /** The phone scans the session's QR (the value shown on screen). */
    scan: (session: string, value?: string) => post(session, "scan", value ? { value } : {}),
    /** A contact writes to the linked number. */
    inbound: (session: string, from: string, text: string) => post(session, "inbound", { from, text }),
    /** The contact starts or stops typing ("typing", "paused", …). */
    presence: (session: string, from: string, presence: string) => post(session, "presence", { from, presence }),
  };
}
