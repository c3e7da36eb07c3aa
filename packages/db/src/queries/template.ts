import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../client.ts";
import { template } from "../schema/template.ts";

const templateColumns = {
  id: template.id,
  name: template.name,
  shortcut: template.shortcut,
  body: template.body,
  createdAt: template.createdAt,
  updatedAt: template.updatedAt,
};

const inWorkspace = (workspaceId: string, id: string) => and(eq(template.workspaceId, workspaceId), eq(template.id, id));

export async function listTemplates(db: Database, params: { workspaceId: string }) {
  return db.select(templateColumns).from(template).where(eq(template.workspaceId, params.workspaceId)).orderBy(asc(template.name));
}

export async function getTemplate(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.select(templateColumns).from(template).where(inWorkspace(params.workspaceId, params.id));
  return row;
}

export async function countTemplates(db: Database, params: { workspaceId: string }): Promise<number> {
  const [row] = await db.select({ value: count() }).from(template).where(eq(template.workspaceId, params.workspaceId));
  return row?.value ?? 0;
}

export async function createTemplate(
  db: Database,
  params: { workspaceId: string; name: string; body: string; shortcut?: string | null | undefined },
) {
  const [row] = await db
    .insert(template)
    .values({ workspaceId: params.workspaceId, name: params.name, body: params.body, shortcut: params.shortcut ?? null })
    .returning(templateColumns);
  if (!row) throw new Error("insert into template returned no row");
  return row;
}

/** Changes the given fields; `shortcut: null` removes the shortcut. */
export async function updateTemplate(
  db: Database,
  params: { workspaceId: string; id: string; name?: string | undefined; body?: string | undefined; shortcut?: string | null | undefined },
) {
  const { workspaceId, id, ...fields } = params;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) {
    // Nothing to change: answer the row as it is (or undefined when it is not this workspace's).
    const [current] = await db.select(templateColumns).from(template).where(inWorkspace(workspaceId, id));
    return current;
  }
  const [row] = await db
    .update(template)
    .set(changes)
    .where(inWorkspace(workspaceId, id))
    .returning(templateColumns);
  return row;
}

export async function deleteTemplate(db: Database, params: { workspaceId: string; id: string }) {
  const [row] = await db.delete(template).where(inWorkspace(params.workspaceId, params.id)).returning({ id: template.id });
  return row;
}
