import type { Database } from "bun:sqlite";

/** A sandbox session linked to a simulated phone: what survives a restart. */
export type SandboxLink = { session: string; phone: string; pushName: string; linkedAt: number };

/** The simulated phones' links, persisted so that linked sessions stay linked across restarts. */
export interface SandboxLinkStore {
  get(session: string): SandboxLink | null;
  save(link: SandboxLink): void;
  delete(session: string): void;
}

type LinkRow = { session: string; phone: string; push_name: string; linked_at: number };

/** `SandboxLinkStore` on bun:sqlite. */
export function createSqliteSandboxLinkStore(db: Database): SandboxLinkStore {
  const getQuery = db.query<LinkRow, [string]>("SELECT * FROM sandbox_links WHERE session = ?");
  const saveQuery = db.query(
    `INSERT INTO sandbox_links (session, phone, push_name, linked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (session) DO UPDATE SET phone = excluded.phone, push_name = excluded.push_name, linked_at = excluded.linked_at`,
  );
  const deleteQuery = db.query("DELETE FROM sandbox_links WHERE session = ?");
  return {
    get: (session) => {
      const row = getQuery.get(session);
      return row ? { session: row.session, phone: row.phone, pushName: row.push_name, linkedAt: row.linked_at } : null;
    },
    save: (link) => {
      saveQuery.run(link.session, link.phone, link.pushName, link.linkedAt);
    },
    delete: (session) => {
      deleteQuery.run(session);
    },
  };
}
