import { clientEnv } from "../env.ts";

/** What `POST /media` answers. */
export interface UploadedMedia {
  id: string;
  mimetype: string;
  filename: string | null;
  size: number;
}

/** A refused upload, with the server's status (413 too large, 415 wrong type) and its reason. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/**
 * Uploads a file to the API with the session cookie, reporting progress (0–1). XMLHttpRequest,
 * because fetch cannot report upload progress.
 */
export function uploadMedia(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadedMedia> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `${clientEnv.serverUrl}/media`);
    request.withCredentials = true;
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as (UploadedMedia & { error?: string }) | null;
      if (request.status === 201 && body) resolve(body);
      else reject(new UploadError(request.status, body?.error ?? request.statusText));
    };
    request.onerror = () => reject(new UploadError(0, "network error"));
    request.onabort = () => reject(new UploadError(0, "aborted"));
    signal?.addEventListener("abort", () => request.abort());
    const form = new FormData();
    form.set("file", file);
    request.send(form);
  });
}
