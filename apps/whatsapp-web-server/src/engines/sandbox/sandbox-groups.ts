import { createHash, randomBytes } from "node:crypto";
import { notFound, unprocessable } from "../../errors.ts";
import type { GroupInfo, GroupSecuritySetting, ListQuery, MeInfo, ParticipantChange } from "../../waha/types.ts";
import type { EngineEvents } from "../engine.ts";
import type { SandboxDirectory } from "./sandbox-directory.ts";
import type { StateStore } from "./sandbox-store.ts";

type Admin = "admin" | "superadmin" | null;
type Member = { id: string; admin: Admin };

/** A group as the sandbox keeps it once anything changed (the directory's groups until then). */
type StoredGroup = {
  id: string;
  subject: string;
  subjectOwner: string;
  subjectTime: number;
  description: string;
  owner: string;
  creation: number;
  participants: Member[];
  inviteCode: string;
  /** Only admins edit the info (WAHA's `restrict`); only admins send (`announce`). Absent in older state: false. */
  restrict?: boolean;
  announce?: boolean;
};

const settingFields = { info: "restrict", messages: "announce" } as const;

/** WAHA's participant roles in `group.v2.*` events (`GroupParticipant.role`). */
const roleOf = (admin: Admin) => admin ?? "participant";
const now = () => Math.floor(Date.now() / 1000);
const inviteCode = (seed?: string) => (seed ? createHash("sha256").update(seed).digest() : randomBytes(16)).toString("base64url").slice(0, 22);

const GROUPS_KEY = "groups";

/** The subjects of the groups as changed or created (null while nothing changed), for the chat list's names. */
export function changedGroupSubjects(state: StateStore): Map<string, string> | null {
  const groups = state.get<StoredGroup[]>(GROUPS_KEY);
  return groups ? new Map(groups.map((group) => [group.id, group.subject])) : null;
}

/**
 * A SANDBOX account's groups: the directory's two, then whatever we create, rename or change,
 * kept in the session's state (so it survives restarts) and announced as WAHA's `group.v2.*` events.
 * As on WhatsApp, only admins change members and admins.
 */
export class SandboxGroups {
  constructor(
    private readonly directory: SandboxDirectory,
    private readonly me: MeInfo,
    private readonly state: StateStore,
    private readonly events: EngineEvents,
  ) {}

  list(query: ListQuery & { excludeParticipants: boolean }): Record<string, GroupInfo> {
    const key = query.sortBy === "name" ? (group: StoredGroup) => group.subject : (group: StoredGroup) => group.id;
    const sorted = this.load().sort((a, b) => key(a).localeCompare(key(b)));
    if (query.sortOrder === "desc") sorted.reverse();
    const page = sorted.slice(query.offset, query.offset + query.limit);
    return Object.fromEntries(page.map((group) => [group.id, this.shape(group, !query.excludeParticipants)]));
  }

  get(groupId: string): GroupInfo {
    return this.shape(this.find(this.load(), groupId), true);
  }

  count(): number {
    return this.load().length;
  }

  participants(groupId: string): Member[] {
    return this.find(this.load(), groupId).participants;
  }

  /** We create a group and own it: `group.v2.join`. */
  create(subject: string, participantIds: string[]): GroupInfo {
    const groups = this.load();
    const created = now();
    const group: StoredGroup = {
      id: `120363${String(Date.now()).slice(-9)}${randomBytes(2).readUInt16BE(0) % 100}@g.us`,
      subject,
      subjectOwner: this.me.id,
      subjectTime: created,
      description: "",
      owner: this.me.id,
      creation: created,
      participants: [{ id: this.me.id, admin: "superadmin" }, ...[...new Set(participantIds)].filter((id) => id !== this.me.id).map((id) => ({ id, admin: null }))],
      inviteCode: inviteCode(),
    };
    this.save([...groups, group]);
    this.events.event("group.v2.join", { timestamp: created, group: this.wahaGroup(group), _data: {} });
    return this.shape(group, true);
  }

  setSubject(groupId: string, subject: string): void {
    this.update(groupId, (group) => ({ ...group, subject, subjectOwner: this.me.id, subjectTime: now() }));
    this.events.event("group.v2.update", { timestamp: now(), group: { id: groupId, subject }, _data: {} });
  }

  setDescription(groupId: string, description: string): void {
    this.update(groupId, (group) => ({ ...group, description }));
    this.events.event("group.v2.update", { timestamp: now(), group: { id: groupId, description }, _data: {} });
  }

  /** Adds, removes, promotes or demotes members: `group.v2.participants` with WAHA's type. */
  changeParticipants(groupId: string, change: ParticipantChange, ids: string[]): void {
    let changed: Member[] = [];
    this.update(groupId, (group) => {
      this.requireAdmin(group);
      const members = new Map(group.participants.map((member) => [member.id, member]));
      const unique = [...new Set(ids)].filter((id) => id !== this.me.id);
      if (change === "add") changed = unique.filter((id) => !members.has(id)).map((id) => ({ id, admin: null }));
      else {
        const missing = unique.filter((id) => !members.has(id));
        if (missing.length > 0) throw unprocessable(`Not in group '${groupId}': ${missing.join(", ")}`);
        const admin: Admin = change === "promote" ? "admin" : null;
        changed = unique.map((id) => ({ id, admin: change === "remove" ? (members.get(id)?.admin ?? null) : admin }));
      }
      for (const member of changed) {
        if (change === "remove") members.delete(member.id);
        else members.set(member.id, member);
      }
      return { ...group, participants: [...members.values()] };
    });
    const type = { add: "join", remove: "leave", promote: "promote", demote: "demote" }[change];
    const participants = changed.map((member) => ({ id: member.id, role: change === "remove" ? "left" : roleOf(member.admin) }));
    if (participants.length > 0) this.events.event("group.v2.participants", { type, timestamp: now(), group: { id: groupId }, participants, _data: {} });
  }

  adminsOnly(groupId: string, setting: GroupSecuritySetting): boolean {
    return this.find(this.load(), groupId)[settingFields[setting]] ?? false;
  }

  /** Admins only; `group.v2.update` with the changed flag. */
  setAdminsOnly(groupId: string, setting: GroupSecuritySetting, adminsOnly: boolean): void {
    const field = settingFields[setting];
    this.update(groupId, (group) => {
      this.requireAdmin(group);
      return { ...group, [field]: adminsOnly };
    });
    this.events.event("group.v2.update", { timestamp: now(), group: { id: groupId, [field]: adminsOnly }, _data: {} });
  }

  /** We leave: the group is no longer ours to see, `group.v2.leave`. */
  leave(groupId: string): void {
    const groups = this.load();
    this.find(groups, groupId);
    this.save(groups.filter((group) => group.id !== groupId));
    this.events.event("group.v2.leave", { timestamp: now(), group: { id: groupId }, _data: {} });
  }

  /** The invite link, as WAHA answers it (`https://chat.whatsapp.com/<code>`). */
  inviteLink(groupId: string): string {
    return `https://chat.whatsapp.com/${this.find(this.load(), groupId).inviteCode}`;
  }

  /** A new invite code; the old link stops working. Admins only. */
  revokeInvite(groupId: string): string {
    const group = this.update(groupId, (current) => {
      this.requireAdmin(current);
      return { ...current, inviteCode: inviteCode() };
    });
    return `https://chat.whatsapp.com/${group.inviteCode}`;
  }

  private load(): StoredGroup[] {
    return this.state.get<StoredGroup[]>(GROUPS_KEY) ?? this.fromDirectory();
  }

  private save(groups: StoredGroup[]): void {
    this.state.set(GROUPS_KEY, groups);
  }

  private update(groupId: string, change: (group: StoredGroup) => StoredGroup): StoredGroup {
    const groups = this.load();
    const updated = change(this.find(groups, groupId));
    this.save(groups.map((group) => (group.id === groupId ? updated : group)));
    return updated;
  }

  private find(groups: StoredGroup[], groupId: string): StoredGroup {
    const group = groups.find((candidate) => candidate.id === groupId);
    if (!group) throw notFound(`Group '${groupId}' not found`);
    return group;
  }

  private requireAdmin(group: StoredGroup): void {
    const us = group.participants.find((member) => member.id === this.me.id);
    if (!us?.admin) throw unprocessable(`Only admins of group '${group.id}' can do that`);
  }

  /** The directory's groups: we joined after the owner created them; the owner is superadmin. */
  private fromDirectory(): StoredGroup[] {
    return this.directory.groups.map((group) => ({
      id: group.id,
      subject: group.subject,
      subjectOwner: group.owner,
      subjectTime: group.creation,
      description: group.description,
      owner: group.owner,
      creation: group.creation,
      participants: [...group.members, this.me.id].map((id) => ({ id, admin: id === group.owner ? ("superadmin" as const) : null })),
      inviteCode: inviteCode(group.id),
    }));
  }

  /** Our `GET /groups` shape (NOWEB's `GroupMetadata` fields). */
  private shape(group: StoredGroup, withParticipants: boolean): GroupInfo {
    return {
      id: group.id,
      subject: group.subject,
      subjectOwner: group.subjectOwner,
      subjectTime: group.subjectTime,
      desc: group.description,
      owner: group.owner,
      creation: group.creation,
      size: group.participants.length,
      announce: group.announce ?? false,
      restrict: group.restrict ?? false,
      ...(withParticipants ? { participants: group.participants } : {}),
    };
  }

  /** WAHA's `GroupInfo` of `group.v2.join`. */
  private wahaGroup(group: StoredGroup) {
    return {
      id: group.id,
      subject: group.subject,
      description: group.description,
      invite: `https://chat.whatsapp.com/${group.inviteCode}`,
      membersCanAddNewMember: true,
      membersCanSendMessages: !(group.announce ?? false),
      newMembersApprovalRequired: false,
      participants: group.participants.map((member) => ({ id: member.id, role: roleOf(member.admin) })),
    };
  }
}
