import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { toast } from "sonner";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Account } from "../../lib/api-types.ts";
import { fakeApi } from "../../test-support/fake-api.tsx";
import { NumberRow } from "./number-row.tsx";

const account = {
  id: "00000000-0000-4000-8000-000000000011",
  name: "Support",
  phoneNumber: "+55 11 99999-0000",
  pushName: null,
  status: "WORKING",
  statusReason: null,
  waId: null,
  engine: "SANDBOX",
  messagesPerMinute: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
} as unknown as Account;

function setup(canManage: boolean, messagesPerMinute: number | null = null) {
  const api = fakeApi({ "account.setSendRate": (input) => ({ ...account, ...(input as object) }) });
  render(
    <ul>
      <NumberRow account={{ ...account, messagesPerMinute }} canManage={canManage} />
    </ul>,
    { wrapper: api.wrapper },
  );
  return api;
}

describe("NumberRow send rate", () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it("lets a manager set the messages per minute, with the spam-check hint", async () => {
    const success = vi.spyOn(toast, "success").mockImplementation(() => "");
    const api = setup(true);
    const field = screen.getByLabelText("Messages per minute") as HTMLInputElement;
    expect(field.value).toBe("");
    expect(screen.getByText("Slower sending keeps new numbers safe from WhatsApp's spam checks")).toBeTruthy();
    fireEvent.change(field, { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.calls).toContainEqual({ path: "account.setSendRate", input: { id: account.id, messagesPerMinute: 12 } }));
    await waitFor(() => expect(success).toHaveBeenCalledWith("Sending rate saved"));
  });

  it("clears back to the server default with an empty field", async () => {
    vi.spyOn(toast, "success").mockImplementation(() => "");
    const api = setup(true, 10);
    const field = screen.getByLabelText("Messages per minute") as HTMLInputElement;
    expect(field.value).toBe("10");
    fireEvent.change(field, { target: { value: "" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(api.calls).toContainEqual({ path: "account.setSendRate", input: { id: account.id, messagesPerMinute: null } }));
  });

  it("refuses 61 with the server's rule, without calling the API", async () => {
    const api = setup(true);
    const field = screen.getByLabelText("Messages per minute");
    fireEvent.change(field, { target: { value: "61" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("A whole number from 1 to 60, or empty for the default")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(api.calls.some((call) => call.path === "account.setSendRate")).toBe(false);
  });

  it("shows no rate setting to an agent", () => {
    setup(false);
    expect(screen.queryByLabelText("Messages per minute")).toBeNull();
    expect(screen.queryByText("Slower sending keeps new numbers safe from WhatsApp's spam checks")).toBeNull();
  });
});
