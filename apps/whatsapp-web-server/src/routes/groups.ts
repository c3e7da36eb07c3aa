import { Elysia } from "elysia";
import { z } from "zod";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import type { GroupSecuritySetting, ParticipantChange } from "../waha/types.ts";
import { listQueryShape } from "./contacts.ts";
import { decodeSegment } from "./messages.ts";

const groupIdSchema = z.string().regex(/^[\d-]{5,40}@g\.us$/, "id must be a group id like 123456789@g.us");

/** `exclude=participants` leaves out the member lists (WAHA's way to keep big answers small). */
const groupsQuerySchema = z.object({
  ...listQueryShape,
  sortBy: z.enum(["id", "subject"]).optional(),
  exclude: z.union([z.enum(["participants"]).transform((value) => [value]), z.array(z.enum(["participants"]))]).optional(),
});

/** WAHA's `Participant` list: people by `<digits>@c.us`. */
const participantsShape = z
  .array(z.object({ id: z.string().regex(/^\d{5,20}@c\.us$/, "must be a person id like 11111111111@c.us") }))
  .min(1)
  .max(1_024);

/** WAHA's `CreateGroupRequest`. */
const createGroupSchema = z.object({ name: z.string().trim().min(1).max(100), participants: participantsShape });
/** WAHA's `ParticipantsRequest`. */
const participantsSchema = z.object({ participants: participantsShape });
const subjectSchema = z.object({ subject: z.string().trim().min(1).max(100) });
const descriptionSchema = z.object({ description: z.string().max(2_048) });
/** WAHA's `SettingsSecurityChangeInfo`. */
const adminsOnlySchema = z.object({ adminsOnly: z.boolean() });

/** WAHA answers a bare string as JSON (`"https://chat.whatsapp.com/…"`). */
const jsonString = (value: string) => new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } });

/** The routes' `{ session, id }`, validated. */
const groupRef = (params: { session: string; id: string }) => ({
  session: parseSessionName(params.session),
  groupId: parseInput(groupIdSchema, decodeSegment(params.id)),
});

const participantPaths: Array<[path: string, change: ParticipantChange]> = [
  ["participants/add", "add"],
  ["participants/remove", "remove"],
  ["admin/promote", "promote"],
  ["admin/demote", "demote"],
];

const settingPaths: Array<[path: string, setting: GroupSecuritySetting]> = [
  ["info-admin-only", "info"],
  ["messages-admin-only", "messages"],
];

/** WAHA's groups routes (`GroupsController`): read, create, rename, members, admins, leave, invites. */
export function groupRoutes(sessions: SessionManager) {
  const app = new Elysia({ name: "groups" })
    .get("/api/:session/groups", ({ params, query }) => {
      const input = parseInput(groupsQuerySchema, query);
      return sessions.engine(parseSessionName(params.session)).getGroups({
        limit: input.limit,
        offset: input.offset,
        sortOrder: input.sortOrder,
        sortBy: input.sortBy === "subject" ? "name" : input.sortBy,
        excludeParticipants: input.exclude?.includes("participants") ?? false,
      });
    })
    .post("/api/:session/groups", async ({ params, body, set }) => {
      const input = parseInput(createGroupSchema, body);
      const group = await sessions.engine(parseSessionName(params.session)).createGroup(input.name, input.participants.map((participant) => participant.id));
      set.status = 201;
      return group;
    })
    .get("/api/:session/groups/count", async ({ params }) => ({ count: await sessions.engine(parseSessionName(params.session)).getGroupsCount() }))
    .get("/api/:session/groups/:id", ({ params }) => {
      const { session, groupId } = groupRef(params);
      return sessions.engine(session).getGroup(groupId);
    })
    .put("/api/:session/groups/:id/subject", async ({ params, body }) => {
      const { session, groupId } = groupRef(params);
      const input = parseInput(subjectSchema, body);
      await sessions.engine(session).setGroupSubject(groupId, input.subject);
      return { success: true };
    })
    .put("/api/:session/groups/:id/description", async ({ params, body }) => {
      const { session, groupId } = groupRef(params);
      const input = parseInput(descriptionSchema, body);
      await sessions.engine(session).setGroupDescription(groupId, input.description);
      return { success: true };
    })
    .get("/api/:session/groups/:id/participants", ({ params }) => {
      const { session, groupId } = groupRef(params);
      return sessions.engine(session).getGroupParticipants(groupId);
    })
    .get("/api/:session/groups/:id/participants/v2", async ({ params }) => {
      const { session, groupId } = groupRef(params);
      const members = await sessions.engine(session).getGroupParticipants(groupId);
      return members.map((member) => ({ id: member.id, pn: member.id, role: member.admin ?? "participant" }));
    })
    .post("/api/:session/groups/:id/leave", async ({ params }) => {
      const { session, groupId } = groupRef(params);
      await sessions.engine(session).leaveGroup(groupId);
      return { success: true };
    })
    .get("/api/:session/groups/:id/invite-code", async ({ params }) => {
      const { session, groupId } = groupRef(params);
      return jsonString(await sessions.engine(session).getGroupInviteLink(groupId));
    })
    .post("/api/:session/groups/:id/invite-code/revoke", async ({ params }) => {
      const { session, groupId } = groupRef(params);
      return jsonString(await sessions.engine(session).revokeGroupInvite(groupId));
    });
  for (const [path, change] of participantPaths) {
    app.post(`/api/:session/groups/:id/${path}`, async ({ params, body }) => {
      const { session, groupId } = groupRef(params);
      const input = parseInput(participantsSchema, body);
      await sessions.engine(session).changeGroupParticipants(groupId, change, input.participants.map((participant) => participant.id));
      return { success: true };
    });
  }
  for (const [path, setting] of settingPaths) {
    app
      .get(`/api/:session/groups/:id/settings/security/${path}`, async ({ params }) => {
        const { session, groupId } = groupRef(params);
        return { adminsOnly: await sessions.engine(session).getGroupAdminsOnly(groupId, setting) };
      })
      .put(`/api/:session/groups/:id/settings/security/${path}`, async ({ params, body }) => {
        const { session, groupId } = groupRef(params);
        const input = parseInput(adminsOnlySchema, body);
        await sessions.engine(session).setGroupAdminsOnly(groupId, setting, input.adminsOnly);
        return { success: true };
      });
  }
  return app;
}
