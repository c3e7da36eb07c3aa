import { Elysia } from "elysia";
import { z } from "zod";
import type { SessionManager } from "../sessions/session-manager.ts";
import { parseInput, parseSessionName } from "../sessions/session-schemas.ts";
import { listQueryShape } from "./contacts.ts";

const groupIdSchema = z.string().regex(/^[\d-]{5,40}@g\.us$/, "id must be a group id like 123456789@g.us");

/** `exclude=participants` leaves out the member lists (WAHA's way to keep big answers small). */
const groupsQuerySchema = z.object({
  ...listQueryShape,
  sortBy: z.enum(["id", "subject"]).optional(),
  exclude: z.union([z.enum(["participants"]).transform((value) => [value]), z.array(z.enum(["participants"]))]).optional(),
});

/** WAHA's groups routes (`GroupsController`) implemented so far: reading the groups we are in. */
export function groupRoutes(sessions: SessionManager) {
  return new Elysia({ name: "groups" })
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
    .get("/api/:session/groups/:id", ({ params }) => {
      const groupId = parseInput(groupIdSchema, params.id);
      return sessions.engine(parseSessionName(params.session)).getGroup(groupId);
    });
}
