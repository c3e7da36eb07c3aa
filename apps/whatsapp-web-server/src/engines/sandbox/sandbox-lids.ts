import type { LidToPhoneNumber, Pagination } from "../../waha/types.ts";
import type { SandboxDirectory } from "./sandbox-directory.ts";

/**
 * A SANDBOX account's hidden ids (WAHA's `/lids` routes): the directory's people, each with the
 * fictional `@lid` of `lidOf`. People outside the directory have none, as strangers whose hidden
 * id the phone never saw.
 */
export class SandboxLids {
  constructor(private readonly directory: SandboxDirectory) {}

  list(query: Pagination): Array<Required<LidToPhoneNumber>> {
    const all = this.directory.contacts.map((contact) => ({ lid: contact.lid, pn: contact.id }));
    return all.sort((a, b) => a.lid.localeCompare(b.lid)).slice(query.offset, query.offset + query.limit);
  }

  count(): number {
    return this.directory.contacts.length;
  }

  phoneOf(lid: string): string | null {
    return this.directory.contacts.find((contact) => contact.lid === lid)?.id ?? null;
  }

  lidOf(phoneId: string): string | null {
    return this.directory.contacts.find((contact) => contact.id === phoneId)?.lid ?? null;
  }
}
