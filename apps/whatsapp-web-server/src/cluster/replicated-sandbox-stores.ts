import type { SandboxLinkStore } from "../engines/sandbox/sandbox-link-store.ts";
import type { SandboxStore } from "../engines/sandbox/sandbox-store.ts";
import type { WriteQueue } from "./write-queue.ts";

/** As many messages per session as the local store keeps; older ones are trimmed in Postgres too. */
const MESSAGE_CAPACITY = 1_000;

/** The sandbox's links, read locally and written through to Postgres. */
export function replicatedSandboxLinkStore(local: SandboxLinkStore, writes: WriteQueue): SandboxLinkStore {
  return {
    get: (session) => local.get(session),
    save: (link) => {
      local.save(link);
      writes.push(
        (tx) => tx`INSERT INTO whatsapp.sandbox_links (session, phone, push_name, linked_at)
          VALUES (${link.session}, ${link.phone}, ${link.pushName}, ${link.linkedAt})
          ON CONFLICT (session) DO UPDATE SET phone = excluded.phone, push_name = excluded.push_name, linked_at = excluded.linked_at`,
      );
    },
    delete: (session) => {
      local.delete(session);
      writes.push((tx) => tx`DELETE FROM whatsapp.sandbox_links WHERE session = ${session}`);
    },
  };
}

/** The sandbox's messages, marks and media, read locally and written through to Postgres. */
export function replicatedSandboxStore(local: SandboxStore, writes: WriteQueue): SandboxStore {
  return {
    messages: (session) => {
      const messages = local.messages(session);
      return {
        get: (id) => messages.get(id),
        all: () => messages.all(),
        add: (message) => {
          messages.add(message);
          const json = JSON.stringify(message);
          writes.push(async (tx) => {
            await tx`INSERT INTO whatsapp.sandbox_messages (session, id, message) VALUES (${session}, ${message.id}, ${json})
              ON CONFLICT (session, id) DO UPDATE SET message = excluded.message`;
            await tx`DELETE FROM whatsapp.sandbox_messages WHERE session = ${session} AND seq <= (
              SELECT seq FROM whatsapp.sandbox_messages WHERE session = ${session} ORDER BY seq DESC LIMIT 1 OFFSET ${MESSAGE_CAPACITY})`;
          });
        },
        delete: (id) => {
          messages.delete(id);
          writes.push((tx) => tx`DELETE FROM whatsapp.sandbox_messages WHERE session = ${session} AND id = ${id}`);
        },
        clear: () => {
          messages.clear();
          writes.push((tx) => tx`DELETE FROM whatsapp.sandbox_messages WHERE session = ${session}`);
        },
      };
    },
    state: (session) => {
      const state = local.state(session);
      return {
        get: <T>(key: string) => state.get<T>(key),
        set: (key, value) => {
          state.set(key, value);
          const json = JSON.stringify(value);
          writes.push(
            (tx) => tx`INSERT INTO whatsapp.sandbox_state (session, key, value) VALUES (${session}, ${key}, ${json})
              ON CONFLICT (session, key) DO UPDATE SET value = excluded.value`,
          );
        },
        clear: () => {
          state.clear();
          writes.push((tx) => tx`DELETE FROM whatsapp.sandbox_state WHERE session = ${session}`);
        },
      };
    },
    media: (session) => {
      const media = local.media(session);
      return {
        read: (name) => media.read(name),
        save: (name, file) => {
          media.save(name, file);
          writes.push(
            (tx) => tx`INSERT INTO whatsapp.sandbox_media (session, name, mimetype, bytes) VALUES (${session}, ${name}, ${file.mimetype}, ${file.bytes})
              ON CONFLICT (session, name) DO UPDATE SET mimetype = excluded.mimetype, bytes = excluded.bytes`,
          );
        },
        clear: () => {
          media.clear();
          writes.push((tx) => tx`DELETE FROM whatsapp.sandbox_media WHERE session = ${session}`);
        },
      };
    },
  };
}
