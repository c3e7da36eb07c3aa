import type { Database } from "@nexis/db";
import { getChat } from "@nexis/db/queries/chat";
import { getMedia } from "@nexis/db/queries/media";
import { mediaMessageType } from "../media/send-media.ts";
import { getMessage, messageKey } from "@nexis/db/queries/message";
import { getTemplate } from "@nexis/db/queries/template";
import { TRPCError } from "@trpc/server";
import { roleAllows } from "../../auth/permissions.ts";
import type { SendMessageInput } from "../../schemas/chat.ts";
import { found, RoleError, TypedCause } from "../../trpc/errors.ts";
import { renderTemplate } from "../templates/render-template.ts";
import type { OutboundSend, Reply } from "./send-kinds.ts";

/** The caller and chat a send is composed for. */
export interface ComposeContext {
  db: Database;
  workspaceId: string;
  role: string;
  user: { name: string };
  chat: { id: string };
}

/** The quoted message, which must be of the same chat: its WhatsApp id, and what the reply shows of it. */
async function replyTarget(context: ComposeContext, replyToId: string | undefined): Promise<Reply> {
  if (!replyToId) return { replyTo: null, quoted: null };
  const quoted = found(await getMessage(context.db, { workspaceId: context.workspaceId, id: replyToId }), "Message");
  if (quoted.chatId !== context.chat.id) throw new TRPCError({ code: "BAD_REQUEST", message: "A reply must quote a message of the same chat." });
  return {
    replyTo: quoted.waMessageId,
    quoted: { key: messageKey(quoted.waMessageId), participant: quoted.author, fromMe: quoted.fromMe, body: quoted.body?.slice(0, 500) ?? null, hasMedia: quoted.mediaId !== null || quoted.media !== null },
  };
}

/**
 * A template's text for the chat: `{{contact.name}}`, `{{contact.phone}}` from its contact,
 * `{{agent.name}}` from the caller, the rest from `variables`. Nothing half-filled is sent: a
 * variable without a value refuses the send, naming it.
 */
async function renderedTemplate(context: ComposeContext, templateId: string, variables: Record<string, string> | undefined): Promise<string> {
  if (!roleAllows(context.role, { template: ["use"] })) {
    throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${context.role}) cannot use templates.`, cause: new RoleError(context.role) });
  }
  const { db, workspaceId } = context;
  const template = found(await getTemplate(db, { workspaceId, id: templateId }), "Template");
  const chat = found(await getChat(db, { workspaceId, id: context.chat.id }), "Chat");
  const builtIn = {
    "contact.name": chat.contact?.name ?? chat.contact?.pushName ?? chat.name,
    "contact.phone": chat.contact?.phoneNumber,
    "agent.name": context.user.name,
  };
  const { text, missing } = renderTemplate(template.body, { ...builtIn, ...variables });
  if (missing.length > 0) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `Fill in the template's variables: ${missing.join(", ")}.`, cause: new MissingVariablesError(missing) });
  }
  return text;
}

/** Names the variables a template send lacked (`error.data.cause`), for the client to highlight. */
export class MissingVariablesError extends TypedCause<{ code: "TEMPLATE_VARIABLES"; missing: string[] }> {
  constructor(missing: string[]) {
    super({ code: "TEMPLATE_VARIABLES", missing }, `Missing template variables: ${missing.join(", ")}`);
  }
}

/** Turns `message.send`'s input into what the queue sends, checking what only the server can. */
export async function composeSend(context: ComposeContext, input: SendMessageInput): Promise<OutboundSend> {
  const reply = await replyTarget(context, input.replyToId);
  switch (input.kind) {
    case undefined:
    case "text":
      return { kind: "text", text: input.text, ...reply };
    case "location":
      return { kind: "location", latitude: input.latitude, longitude: input.longitude, title: input.title ?? null, ...reply };
    case "contact":
      return { kind: "contact", name: input.name, phoneNumber: input.phoneNumber, ...reply };
    case "template":
      return { kind: "text", text: await renderedTemplate(context, input.templateId, input.variables), ...reply };
    case "media": {
      const file = found(await getMedia(context.db, { workspaceId: context.workspaceId, id: input.mediaId }), "Media");
      const { id: mediaId, storageKey, mimetype, filename, size } = file;
      // WhatsApp's voice notes carry no caption.
      const caption = mediaMessageType(mimetype) === "audio" ? null : (input.caption ?? null);
      return { kind: "media", mediaId, storageKey, mimetype, filename, size, caption, ...reply };
    }
  }
}
