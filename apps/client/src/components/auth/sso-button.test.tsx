import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientEnv } from "../../env.ts";
import { ssoErrorMessage } from "../../lib/sso.ts";
import { SsoButton } from "./sso-button.tsx";

function renderWithConfig(enabled: boolean | "down", redirect?: string) {
  const fetchMock = vi.fn(async () => (enabled === "down" ? new Response("", { status: 503 }) : Response.json({ enabled })));
  vi.stubGlobal("fetch", fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <p>form</p>
      <SsoButton redirect={redirect} />
    </QueryClientProvider>,
  );
  return fetchMock;
}

describe("SsoButton", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("links to the server's SSO start with a safe return path when SSO is on", async () => {
    const fetchMock = renderWithConfig(true, "/settings/members");
    const link = await screen.findByRole("link", { name: "Continue with SSO" });
    expect(link.getAttribute("href")).toBe(`${clientEnv.serverUrl}/api/auth/sso/start?redirect=%2Fsettings%2Fmembers`);
    expect(fetchMock).toHaveBeenCalledWith(`${clientEnv.serverUrl}/api/auth/sso/config`, expect.anything());
  });

  it("never forwards another origin as the return path", async () => {
    renderWithConfig(true, "//evil.example");
    expect((await screen.findByRole("link", { name: "Continue with SSO" })).getAttribute("href")).toMatch(/redirect=%2Finbox$/);
  });

  it("is absent when SSO is off or the server cannot say", async () => {
    for (const state of [false, "down"] as const) {
      const fetchMock = renderWithConfig(state);
      await waitFor(() => expect(fetchMock).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(screen.queryByRole("link", { name: "Continue with SSO" })).toBeNull();
      cleanup();
    }
  });
});

describe("ssoErrorMessage", () => {
  it("explains each refusal the server sends back, and unknown codes generically", () => {
    expect(ssoErrorMessage(undefined)).toBeNull();
    expect(ssoErrorMessage("sso_no_workspace")).toMatch(/not linked to a NexisChat workspace/);
    expect(ssoErrorMessage("sso_code_invalid")).toMatch(/expired or was already used/);
    expect(ssoErrorMessage("toString")).toMatch(/did not complete/);
  });
});
