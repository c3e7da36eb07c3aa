import { Elysia } from "elysia";
import { badRequest } from "../errors.ts";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName, requestCodeSchema } from "../sessions/session-schemas.ts";

/** WAHA's pairing routes (`AuthController`): the QR code and the pairing code. */
export function authRoutes(sessions: SessionManager) {
  return new Elysia({ name: "auth" })
    .get("/api/:session/auth/qr", async ({ params, query, request }) => {
      const format = query.format ?? "image";
      if (format !== "image" && format !== "raw") throw badRequest("format must be one of: image, raw");
      const qr = sessions.engine(parseSessionName(params.session)).getQR();
      if (format === "raw") return { value: qr.value };
      const png = await qr.png();
      // As WAHA: JSON clients get a Base64File, everyone else the image itself.
      if (request.headers.get("accept")?.includes("application/json")) {
        return { mimetype: "image/png", data: png.toString("base64") };
      }
      return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
    })
    .post("/api/:session/auth/request-code", async ({ params, body, set }) => {
      const input = parseInput(requestCodeSchema, body);
      const result = await sessions.engine(parseSessionName(params.session)).requestCode(input.phoneNumber, input.method ?? undefined);
      set.status = 201;
      return result;
    });
}
