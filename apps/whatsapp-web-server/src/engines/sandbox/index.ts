import type { EngineFactory } from "../engine.ts";
import { type SandboxDependencies, SandboxSession } from "./sandbox-session.ts";

export { SandboxSession } from "./sandbox-session.ts";

/** The SANDBOX engine: sessions on a simulated WhatsApp network, no browser, no phone. */
export function createSandboxEngine(deps: SandboxDependencies): EngineFactory {
  return (context) => new SandboxSession(context, deps);
}
