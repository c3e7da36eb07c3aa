import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { toast } from "sonner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, type FakeProcedures } from "../../test-support/fake-api.tsx";
import { WorkspaceSettings } from "./workspace-settings.tsx";

const workspace = { id: "00000000-0000-4000-8000-000000000001", name: "Acme Support", slug: "acme", logo: null, createdAt: "2026-01-01T00:00:00.000Z" };

function setup(role: string, procedures: FakeProcedures = {}) {
  let name = workspace.name;
  const api = fakeApi({
    "workspace.get": () => ({ ...workspace, name, role }),
    "workspace.rename": (input) => {
      name = (input as { name: string }).name;
      return { ...workspace, name };
    },
    ...procedures,
  });
  render(<WorkspaceSettings />, { wrapper: api.wrapper });
  return api;
}

describe("WorkspaceSettings", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("lets an admin rename the workspace, but not delete it", async () => {
    const success = vi.spyOn(toast, "success").mockImplementation(() => "");
    const api = setup("admin");
    const field = (await screen.findByLabelText("Workspace name")) as HTMLInputElement;
    expect(field.value).toBe("Acme Support");
    fireEvent.change(field, { target: { value: "Acme Help Desk" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.calls).toContainEqual({ path: "workspace.rename", input: { name: "Acme Help Desk" } }));
    await waitFor(() => expect(success).toHaveBeenCalledWith("Workspace renamed"));
    expect(screen.getByText("Only the workspace's owner can delete it.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Delete workspace" })).toBeNull();
  });

  it("rejects an empty name with the server's own schema, without calling the API", async () => {
    const api = setup("owner");
    fireEvent.change(await screen.findByLabelText("Workspace name"), { target: { value: "   " } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByLabelText("Workspace name").getAttribute("aria-invalid")).toBe("true"));
    expect(api.calls.some((call) => call.path === "workspace.rename")).toBe(false);
  });

  it("shows the name read-only to an agent", async () => {
    setup("member");
    const field = (await screen.findByLabelText("Workspace name")) as HTMLInputElement;
    expect(field.readOnly).toBe(true);
    expect(screen.getByText("Only owners and admins can rename the workspace.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete workspace" })).toBeNull();
  });

  it("deletes only once the owner types the exact name, then opens the next workspace", async () => {
    const api = setup("owner", { "workspace.delete": () => ({ deletedId: workspace.id, activeWorkspaceId: "00000000-0000-4000-8000-000000000002" }) });
    vi.spyOn(toast, "success").mockImplementation(() => "");
    expect(await screen.findByText(/permanently removes everything/)).toBeTruthy();
    const button = screen.getByRole("button", { name: "Delete workspace" }) as HTMLButtonElement;
    const confirm = screen.getByLabelText("Type Acme Support to confirm");
    fireEvent.change(confirm, { target: { value: "Acme" } });
    expect(button.disabled).toBe(true);
    fireEvent.change(confirm, { target: { value: "Acme Support" } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(api.calls).toContainEqual({ path: "workspace.delete", input: { confirmName: "Acme Support" } }));
    await waitFor(() => expect(api.router.state.location.pathname).toBe("/inbox"));
  });

  it("leads to onboarding when no workspace is left", async () => {
    const api = setup("owner", { "workspace.delete": () => ({ deletedId: workspace.id, activeWorkspaceId: null }) });
    vi.spyOn(toast, "success").mockImplementation(() => "");
    fireEvent.change(await screen.findByLabelText("Type Acme Support to confirm"), { target: { value: "Acme Support" } });
    fireEvent.click(screen.getByRole("button", { name: "Delete workspace" }));
    await waitFor(() => expect(api.router.state.location.pathname).toBe("/onboarding"));
  });

  it("shows a refusal as an error toast and stays", async () => {
    const error = vi.spyOn(toast, "error").mockImplementation(() => "");
    const api = setup("owner", {
      "workspace.delete": () => {
        throw new Error("Type the workspace's name exactly to delete it.");
      },
    });
    fireEvent.change(await screen.findByLabelText("Type Acme Support to confirm"), { target: { value: "Acme Support" } });
    fireEvent.click(screen.getByRole("button", { name: "Delete workspace" }));
    await waitFor(() => expect(error).toHaveBeenCalled());
    expect(api.router.state.location.pathname).toBe("/inbox");
    expect(screen.getByLabelText("Type Acme Support to confirm")).toBeTruthy();
  });
});
