import { WorkOS } from "@workos-inc/node";

/** WorkOS AuthKit settings (WORKOS_* in env.ts); SSO is off when the server has none. */
export interface WorkosOptions {
  apiKey: string;
  clientId: string;
  /** Fixed from env, never from a request: WorkOS only sends codes to registered URIs anyway. */
  redirectUri: string;
  /** WorkOS's API host, port and scheme: tests point them at a local stub. */
  apiHostname?: string | undefined;
  port?: number | undefined;
  https?: boolean | undefined;
}

/** The SDK client, without retries: a sign-in waits on it and the user can simply try again. */
export function createWorkosClient(options: WorkosOptions): WorkOS {
  return new WorkOS(options.apiKey, {
    clientId: options.clientId,
    ...(options.apiHostname ? { apiHostname: options.apiHostname } : {}),
    ...(options.port ? { port: options.port } : {}),
    https: options.https ?? true,
    maxRetries: 0,
    timeout: 10_000,
  });
}
