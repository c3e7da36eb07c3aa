import type { Client } from "whatsapp-web.js";
import type { LidToPhoneNumber, Pagination } from "../../waha/types.ts";

type Mapping = Required<LidToPhoneNumber>;

/**
 * A WEBJS session's hidden ids (WAHA's `/lids` routes). One id is looked up with whatsapp-web.js's
 * `getContactLidAndPhone`, which asks WhatsApp's servers when the page does not know it. WhatsApp
 * Web exposes no list of the hidden ids it knows, so the list and the count cover only the
 * contacts it holds under an `@lid` id (WAHA reads its own lid store, which may hold more).
 */
export class WebjsLids {
  constructor(private readonly client: () => Client) {}

  async list(query: Pagination): Promise<Mapping[]> {
    const known = await this.known();
    return known.sort((a, b) => a.lid.localeCompare(b.lid)).slice(query.offset, query.offset + query.limit);
  }

  async count(): Promise<number> {
    return (await this.known()).length;
  }

  async phoneOf(lid: string): Promise<string | null> {
    return (await this.lookUp([lid]))[0]?.pn ?? null;
  }

  async lidOf(phoneId: string): Promise<string | null> {
    return (await this.lookUp([phoneId]))[0]?.lid ?? null;
  }

  /** The `@lid` contacts whose phone WhatsApp Web knows or can find. */
  private async known(): Promise<Mapping[]> {
    const ids = (await this.client().getContacts()).map((contact) => contact.id._serialized).filter((id) => id.endsWith("@lid"));
    const mappings = await this.lookUp([...new Set(ids)]);
    return mappings.filter((mapping): mapping is Mapping => mapping.lid !== null && mapping.pn !== null);
  }

  /** The library types both ids as strings; an unknown one comes back undefined. */
  private async lookUp(userIds: string[]): Promise<Array<{ lid: string | null; pn: string | null }>> {
    if (userIds.length === 0) return [];
    const answers: Array<{ lid?: string; pn?: string } | undefined> = await this.client().getContactLidAndPhone(userIds);
    return answers.map((answer) => ({ lid: answer?.lid || null, pn: answer?.pn || null }));
  }
}
