import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ReactionsBar } from "./reactions-bar.tsx";

describe("ReactionsBar", () => {
  it("shows one chip per emoji with its count, ours pressed, and toggles through the callback", () => {
    const onToggle = vi.fn();
    render(<ReactionsBar reactions={{ me: "👍", "5511@c.us": "👍", "5522@c.us": "😂" }} onToggle={onToggle} />);
    const buttons = screen.getAllByRole("button");
    expect(buttons.map((button) => [button.textContent, button.getAttribute("aria-pressed")])).toEqual([
      ["👍2", "true"],
      ["😂", "false"],
    ]);
    fireEvent.click(buttons[1] as HTMLElement);
    expect(onToggle).toHaveBeenCalledWith("😂");
  });

  it("draws nothing without reactions", () => {
    const { container } = render(<ReactionsBar reactions={{}} />);
    expect(container.innerHTML).toBe("");
  });
});
