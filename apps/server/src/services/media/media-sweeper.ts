import type { Database } from "@nexis/db";
import * as queries from "@nexis/db/queries/media";
import type { Logger } from "@nexis/observability";
import type { MediaStorage } from "./storage.ts";

export interface MediaSweeperOptions {
  db: Database;
  storage: MediaStorage;
  logger: Pick<Logger, "info" | "warn">;
  /** How long an upload may wait in a composer before it counts as abandoned. Default: a day. */
  keepUnsentMs?: number;
  /** How often the sweeper runs. Default: every hour (and once a minute after start). */
  everyMs?: number;
}

/** Rows handled per statement, so one pass never holds a long lock. */
const batch = 200;

/**
 * Removes what no one will read again: uploads never sent (older than `keepUnsentMs`), and the
 * bytes of every deleted media row (the trash the database keeps: a deleted workspace's files
 * too). Safe to run on several API instances at once: each row is deleted once, a file twice at
 * worst (deleting a missing file is not an error).
 */
export function createMediaSweeper(options: MediaSweeperOptions) {
  const { db, storage, logger } = options;
  const keepUnsentMs = options.keepUnsentMs ?? 24 * 60 * 60 * 1000;
  const everyMs = options.everyMs ?? 60 * 60 * 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | null = null;

  async function emptyTrash(): Promise<number> {
    let removed = 0;
    for (;;) {
      const keys = await queries.trashedStorageKeys(db, batch);
      if (keys.length === 0) return removed;
      const gone: string[] = [];
      for (const key of keys) {
        try {
          await storage.delete(key);
          gone.push(key);
        } catch (error) {
          logger.warn(`media sweeper: could not delete stored file ${key}; it is retried on the next pass`, error);
        }
      }
      await queries.emptyTrash(db, gone);
      removed += gone.length;
      // A pass where nothing could be deleted (the store is down) ends here.
      if (gone.length < keys.length) return removed;
    }
  }

  /** One full pass; answers how many unsent uploads and stored files went. */
  async function sweep(now = new Date()): Promise<{ unsentUploads: number; files: number }> {
    let unsentUploads = 0;
    for (let deleted = batch; deleted === batch; unsentUploads += deleted) {
      deleted = await queries.deleteUnsentUploads(db, { olderThan: new Date(now.getTime() - keepUnsentMs), limit: batch });
    }
    const files = await emptyTrash();
    if (unsentUploads + files > 0) logger.info(`media sweeper: ${unsentUploads} unsent uploads removed, ${files} stored files deleted`);
    return { unsentUploads, files };
  }

  function schedule(delayMs: number) {
    timer = setTimeout(() => {
      running = sweep()
        .catch((error: unknown) => logger.warn("media sweeper pass failed; it runs again later", error))
        .finally(() => {
          running = null;
          if (timer !== undefined) schedule(everyMs);
        });
    }, delayMs);
    timer.unref();
  }

  return {
    sweep,
    /** Runs a first pass a minute after start, then every `everyMs`. */
    start() {
      schedule(Math.min(60_000, everyMs));
    },
    /** Stops scheduling and waits for a pass in progress. */
    async stop() {
      clearTimeout(timer);
      timer = undefined;
      await running;
    },
  };
}

export type MediaSweeper = ReturnType<typeof createMediaSweeper>;
