import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { Message } from "../../lib/api-types.ts";
import { pendingMessage } from "../../lib/optimistic-messages.ts";
import { MessageMedia } from "./message-media.tsx";

const chatId = "00000000-0000-4000-8000-000000000001";
const mediaId = "00000000-0000-4000-8000-0000000000aa";
const message = (fields: Partial<Message>): Message => ({ ...pendingMessage({ id: "m1", chatId, text: "" }), body: null, ...fields });

afterEach(cleanup);

describe("MessageMedia", () => {
  it("shows a stored image from the API, opening large in a lightbox, with its caption", () => {
    render(<MessageMedia message={message({ type: "image", mediaId, body: "the view", media: { mimetype: "image/png", filename: "view.png", status: "ready" } })} />);
    const image = screen.getByTestId("media-image");
    expect(image.getAttribute("src")).toMatch(new RegExp(`/media/${mediaId}$`));
    expect(screen.getByText("the view")).toBeTruthy();
    image.focus();
    fireEvent.click(image);
    expect(screen.getByTestId("media-lightbox")).toBeTruthy();
    // Focus starts on Close and Tab cycles between the lightbox's two controls only.
    const close = screen.getByRole("button", { name: "Close" });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(window, { key: "Tab" });
    expect(document.activeElement?.tagName).toBe("A");
    fireEvent.keyDown(window, { key: "Tab", shiftKey: true });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(window, { key: "Escape" });
    expect(screen.queryByTestId("media-lightbox")).toBeNull();
  });

  it("shows a voice note with a player and a document with name, size and download", () => {
    const { unmount } = render(<MessageMedia message={message({ type: "audio", mediaId, media: { mimetype: "audio/ogg; codecs=opus", status: "ready" } })} />);
    expect(screen.getByTestId("media-audio").getAttribute("controls")).not.toBeNull();
    unmount();
    render(<MessageMedia message={message({ type: "document", mediaId, media: { mimetype: "application/pdf", filename: "Invoice.pdf", size: 2048, status: "ready" } })} />);
    expect(screen.getByText("Invoice.pdf")).toBeTruthy();
    expect(screen.getByText(/^2\s?kB$/i)).toBeTruthy();
    expect(screen.getByRole("link").getAttribute("download")).toBe("Invoice.pdf");
  });

  it("says when a file is still loading, and why it is unavailable", () => {
    const { unmount } = render(<MessageMedia message={message({ type: "image", media: { url: "http://wa/api/files/x.png", mimetype: "image/png" } })} />);
    expect(screen.getByTestId("media-loading")).toBeTruthy();
    unmount();
    render(<MessageMedia message={message({ type: "video", media: { status: "unavailable", reason: "downloadFile answered 404" } })} />);
    expect(screen.getByTestId("media-unavailable").textContent).toContain("downloadFile answered 404");
  });

  it("shows a location as a map link with its coordinates, and a contact card from its vCard", () => {
    const { unmount } = render(<MessageMedia message={message({ type: "location", body: "Office", media: { location: { latitude: -23.55052, longitude: -46.633308, title: "Office" } } })} />);
    const link = screen.getByRole("link");
    expect(link.getAttribute("href")).toBe("https://www.openstreetmap.org/?mlat=-23.55052&mlon=-46.633308#map=16/-23.55052/-46.633308");
    expect(link.textContent).toContain("-23.55052, -46.63331");
    unmount();
    render(<MessageMedia message={message({ type: "vcard", body: "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nTEL;waid=5511988887777:+5511988887777\nEND:VCARD" })} />);
    expect(screen.getByText("Ana Lima")).toBeTruthy();
    expect(screen.getByRole("link").getAttribute("href")).toBe("tel:+5511988887777");
  });

  it("keeps a plain text message as text", () => {
    render(<MessageMedia message={message({ type: "chat", body: "hello" })} />);
    expect(screen.getByText("hello").tagName).toBe("P");
  });
});
