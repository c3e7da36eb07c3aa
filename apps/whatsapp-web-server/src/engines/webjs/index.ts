import type { EngineFactory } from "../engine.ts";
import { type WebjsDependencies, WebjsSession } from "./webjs-session.ts";

export { WebjsSession } from "./webjs-session.ts";

/** The WEBJS engine: WhatsApp Web through whatsapp-web.js, one Chromium per session. */
export function createWebjsEngine(deps: WebjsDependencies): EngineFactory {
  return (context) => new WebjsSession(context, deps);
}
