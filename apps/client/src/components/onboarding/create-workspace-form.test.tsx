import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeApi } from "../../test-support/fake-api.tsx";
import { CreateWorkspaceForm } from "./create-workspace-form.tsx";

describe("CreateWorkspaceForm", () => {
  afterEach(cleanup);

  it("creates a workspace with the name given, and refuses an empty one without calling the API", async () => {
    const api = fakeApi({ "workspace.create": (input) => ({ id: "ws-1", ...(input as { name: string }) }) });
    render(<CreateWorkspaceForm />, { wrapper: api.wrapper });
    fireEvent.click(screen.getByRole("button", { name: "Create workspace" }));
    await waitFor(() => expect(screen.getByRole("textbox", { name: /workspace name/i }).getAttribute("aria-invalid")).toBe("true"));
    expect(api.calls).toEqual([]);
    fireEvent.change(screen.getByRole("textbox", { name: /workspace name/i }), { target: { value: "Acme support" } });
    fireEvent.click(screen.getByRole("button", { name: "Create workspace" }));
    await waitFor(() => expect(api.calls).toContainEqual({ path: "workspace.create", input: { name: "Acme support" } }));
  });
});
