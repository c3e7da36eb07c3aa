import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { toast } from "sonner";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../../test-support/fake-api.tsx";
import { ProfileSettings } from "./profile-settings.tsx";

// Better Auth's client, answering as its endpoints do (`{ data, error }`), with the calls recorded.
const auth = vi.hoisted(() => ({
  sessions: [] as { id: string; token: string; userAgent: string | null; ipAddress: string | null; updatedAt: string }[],
  updateUser: vi.fn(),
  changePassword: vi.fn(),
  revokeSession: vi.fn(),
  revokeOtherSessions: vi.fn(),
}));
vi.mock("../../lib/auth-client.ts", () => ({
  authClient: {
    useSession: () => ({ data: { user: { name: "Carla Dias" }, session: { token: "tok-here" } } }),
    listSessions: () => Promise.resolve({ data: auth.sessions, error: null }),
    updateUser: auth.updateUser,
    changePassword: auth.changePassword,
    revokeSession: auth.revokeSession,
    revokeOtherSessions: auth.revokeOtherSessions,
  },
}));

const mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const ok = { data: { status: true }, error: null };

function setup() {
  render(<ProfileSettings />, { wrapper: fakeApi({}).wrapper });
}

describe("ProfileSettings", () => {
  beforeEach(() => {
    auth.sessions = [
      { id: "s2", token: "tok-phone", userAgent: iphone, ipAddress: "203.0.113.9", updatedAt: "2026-11-28T09:00:00.000Z" },
      { id: "s1", token: "tok-here", userAgent: mac, ipAddress: "198.51.100.4", updatedAt: "2026-11-29T12:00:00.000Z" },
    ];
    vi.spyOn(toast, "success").mockImplementation(() => "");
    vi.spyOn(toast, "error").mockImplementation(() => "");
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    vi.clearAllMocks();
  });

  it("saves a new display name through Better Auth", async () => {
    auth.updateUser.mockResolvedValue(ok);
    setup();
    const field = screen.getByLabelText("Your name") as HTMLInputElement;
    expect(field.value).toBe("Carla Dias");
    fireEvent.change(field, { target: { value: "Carla D." } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(auth.updateUser).toHaveBeenCalledWith({ name: "Carla D." }));
    await waitFor(() => expect(toast.success).toHaveBeenCalledWith("Name saved"));
  });

  it("changes the password with the current one, signing out other sessions by default", async () => {
    auth.changePassword.mockResolvedValue(ok);
    setup();
    fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "old-password-1" } });
    fireEvent.change(screen.getByLabelText("New password"), { target: { value: "short" } });
    fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(screen.getByLabelText("New password").getAttribute("aria-invalid")).toBe("true"));
    expect(auth.changePassword).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText("New password"), { target: { value: "a-much-longer-passphrase" } });
    fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() =>
      expect(auth.changePassword).toHaveBeenCalledWith({ currentPassword: "old-password-1", newPassword: "a-much-longer-passphrase", revokeOtherSessions: true }),
    );
    await waitFor(() => expect((screen.getByLabelText("Current password") as HTMLInputElement).value).toBe(""));
  });

  it("says why a password change was refused", async () => {
    auth.changePassword.mockResolvedValue({ data: null, error: { message: "Invalid password", statusText: "BAD_REQUEST" } });
    setup();
    fireEvent.change(screen.getByLabelText("Current password"), { target: { value: "wrong-one" } });
    fireEvent.change(screen.getByLabelText("New password"), { target: { value: "a-much-longer-passphrase" } });
    fireEvent.click(screen.getByLabelText(/Sign out of my other sessions/));
    fireEvent.click(screen.getByRole("button", { name: "Change password" }));
    await waitFor(() => expect(toast.error).toHaveBeenCalledWith(expect.stringContaining("Invalid password")));
    expect(auth.changePassword).toHaveBeenCalledWith(expect.objectContaining({ revokeOtherSessions: false }));
  });

  it("lists the sessions, this device first, and signs out another one", async () => {
    auth.revokeSession.mockImplementation(({ token }: { token: string }) => {
      auth.sessions = auth.sessions.filter((session) => session.token !== token);
      return Promise.resolve(ok);
    });
    setup();
    const rows = await screen.findAllByTestId("session");
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText("Chrome on macOS")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText("This device")).toBeTruthy();
    expect(within(rows[0] as HTMLElement).queryByRole("button")).toBeNull();
    expect(within(rows[1] as HTMLElement).getByText(/203\.0\.113\.9/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Sign out the session on Safari on iOS" }));
    await waitFor(() => expect(screen.getAllByTestId("session")).toHaveLength(1));
    expect(auth.revokeSession).toHaveBeenCalledWith({ token: "tok-phone" });
  });

  it("signs out all other sessions at once", async () => {
    auth.revokeOtherSessions.mockImplementation(() => {
      auth.sessions = auth.sessions.filter((session) => session.token === "tok-here");
      return Promise.resolve(ok);
    });
    setup();
    fireEvent.click(await screen.findByRole("button", { name: "Sign out all other sessions" }));
    await waitFor(() => expect(screen.getAllByTestId("session")).toHaveLength(1));
    expect(auth.revokeOtherSessions).toHaveBeenCalled();
    expect(screen.queryByRole("button", { name: "Sign out all other sessions" })).toBeNull();
  });

  it("offers the language switcher", () => {
    setup();
    expect(screen.getByRole("combobox", { name: "Language" })).toBeTruthy();
  });
});
