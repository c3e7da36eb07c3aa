import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useTitleBadge } from "./use-title-badge.ts";

function setHidden(hidden: boolean) {
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
}

describe("useTitleBadge", () => {
  afterEach(() => setHidden(false));

  it("shows the count in the title, and says when the agent is back on the tab", () => {
    document.title = "NexisChat";
    const onSeen = vi.fn();
    const { rerender, unmount } = renderHook(({ count }) => useTitleBadge(count, onSeen), { initialProps: { count: 0 } });
    expect(document.title).toBe("NexisChat");
    rerender({ count: 3 });
    expect(document.title).toBe("(3) NexisChat");

    setHidden(true);
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(onSeen).not.toHaveBeenCalled();
    setHidden(false);
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(onSeen).toHaveBeenCalledTimes(1);
    act(() => void window.dispatchEvent(new Event("focus")));
    expect(onSeen).toHaveBeenCalledTimes(2);

    rerender({ count: 0 });
    expect(document.title).toBe("NexisChat");
    rerender({ count: 2 });
    unmount();
    expect(document.title).toBe("NexisChat");
  });

  it("keeps the router's <title> node and puts the count back when the route rewrites it", async () => {
    document.head.replaceChildren();
    const title = document.head.appendChild(document.createElement("title"));
    title.textContent = "Inbox";
    const routerText = title.firstChild as Text;
    const { rerender } = renderHook(({ count }) => useTitleBadge(count, () => undefined), { initialProps: { count: 1 } });
    expect(document.title).toBe("(1) Inbox");
    expect(title.firstChild).toBe(routerText);
    routerText.nodeValue = "Inbox";
    await waitFor(() => expect(document.title).toBe("(1) Inbox"));
    rerender({ count: 0 });
    expect(document.title).toBe("Inbox");
    routerText.nodeValue = "Settings";
    expect(document.title).toBe("Settings");
  });
});
