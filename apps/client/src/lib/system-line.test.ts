import { overwriteGetLocale, type Locale } from "@nexis/i18n/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { systemLineText } from "./system-line.ts";

const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
const line = (system: Parameters<typeof systemLineText>[0]["system"], body = "English body") => systemLineText({ system, body });

afterEach(() => inLocale("en"));

describe("systemLineText", () => {
  it("reads a group's member changes as WhatsApp writes them, in English", () => {
    expect(line({ kind: "members", change: "add", by: { me: true }, people: [{ name: "Bruno" }] })).toBe("You added Bruno");
    expect(line({ kind: "members", change: "add", by: { name: "Ana" }, people: [{ name: "Bruno" }, { name: "Carla" }] })).toBe("Ana added Bruno and Carla");
    expect(line({ kind: "members", change: "remove", by: null, people: [{ name: "Ana" }] })).toBe("Ana left");
    expect(line({ kind: "members", change: "promote", by: null, people: [{ me: true }] })).toBe("You're now an admin");
    expect(line({ kind: "joined", by: null })).toBe("You joined this group");
    expect(line({ kind: "subject", by: { name: "Ana" }, subject: "VIP" })).toBe("Ana changed the group name to “VIP”");
  });

  it("speaks the reader's language, verbs agreeing with who acted and how many", () => {
    inLocale("pt-BR");
    expect(line({ kind: "members", change: "add", by: { name: "Ana" }, people: [{ name: "Bruno" }, { name: "Carla" }] })).toBe("Ana adicionou Bruno e Carla");
    expect(line({ kind: "members", change: "remove", by: null, people: [{ name: "Ana" }, { name: "Bruno" }] })).toBe("Ana e Bruno saíram");
    expect(line({ kind: "send_policy", adminsOnly: true })).toBe("Agora só admins podem enviar mensagens a este grupo");
    inLocale("es");
    expect(line({ kind: "members", change: "add", by: { me: true }, people: [{ name: "Bruno" }] })).toBe("Añadiste a Bruno");
    expect(line({ kind: "left", by: { name: "Ana" } })).toBe("Ana te eliminó");
    expect(line({ kind: "members", change: "demote", by: null, people: [{ name: "Bruno" }, { me: true }] })).toBe("Bruno y tú ya no son administradores");
  });

  it("falls back to the stored English sentence for lines kept before they were data", () => {
    inLocale("es");
    expect(line(null, "Ana added Bruno")).toBe("Ana added Bruno");
  });
});
