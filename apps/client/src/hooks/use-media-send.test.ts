import { m } from "@nexis/i18n/messages";
import { toast } from "sonner";
import { describe, expect, it, vi } from "vitest";
import { UploadError } from "../lib/upload-media.ts";
import { toastUploadError } from "./use-media-send.ts";

vi.mock("sonner", () => ({ toast: { error: vi.fn(), info: vi.fn() } }));

describe("toastUploadError", () => {
  it("says a file is too large (413) or of a type we do not take (415), with the server's reason", () => {
    toastUploadError(new UploadError(413, "The file is 20 MB; image files may be at most 16 MB"));
    expect(toast.error).toHaveBeenLastCalledWith(m.composer_upload_too_large({ reason: "The file is 20 MB; image files may be at most 16 MB" }));
    toastUploadError(new UploadError(415, "Files of type text/html are not accepted"));
    expect(toast.error).toHaveBeenLastCalledWith(m.composer_upload_wrong_type({ reason: "Files of type text/html are not accepted" }));
    toastUploadError(new UploadError(0, "network error"));
    expect(toast.error).toHaveBeenLastCalledWith(m.composer_upload_failed());
  });
});
