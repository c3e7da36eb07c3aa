import { m } from "@nexis/i18n/messages";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { toastApiError } from "../lib/toast-api-error.tsx";
import { useTRPC, useTRPCClient } from "../lib/trpc.ts";
import { UploadError, uploadMedia } from "../lib/upload-media.ts";

/** The upload in progress: the file's name and how far it got (0–100). */
export interface UploadProgress {
  name: string;
  percent: number;
}

/** The toast for a refused upload: too large and wrong type say why; anything else asks to retry. */
export function toastUploadError(error: unknown) {
  if (error instanceof UploadError && error.status === 413) toast.error(m.composer_upload_too_large({ reason: error.message }));
  else if (error instanceof UploadError && error.status === 415) toast.error(m.composer_upload_wrong_type({ reason: error.message }));
  else if (error instanceof UploadError) toast.error(m.composer_upload_failed());
  else toastApiError(error);
}

/** Attaching a file in a chat: upload it (with progress), then send it as a `media` message. */
export function useMediaSend(chatId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  async function send(file: File, options: { caption?: string; replyToId?: string } = {}) {
    setProgress({ name: file.name, percent: 0 });
    try {
      const uploaded = await uploadMedia(file, (fraction) => setProgress({ name: file.name, percent: Math.round(fraction * 100) }));
      await client.message.send.mutate({ kind: "media", chatId, mediaId: uploaded.id, caption: options.caption || undefined, replyToId: options.replyToId });
      await queryClient.invalidateQueries({ queryKey: trpc.message.list.infiniteQueryKey({ chatId }) });
      void queryClient.invalidateQueries(trpc.chat.list.pathFilter());
      return true;
    } catch (error) {
      toastUploadError(error);
      return false;
    } finally {
      setProgress(null);
    }
  }

  return { send, progress };
}
