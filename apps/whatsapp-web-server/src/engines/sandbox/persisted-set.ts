import type { StateStore } from "./sandbox-store.ts";

/** A set of ids saved under one key of the session's state on every change (unread, archived marks). */
export class PersistedSet {
  private readonly items: Set<string>;

  constructor(
    private readonly state: StateStore,
    private readonly key: string,
  ) {
    this.items = new Set(state.get<string[]>(key) ?? []);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  add(id: string): void {
    if (this.items.has(id)) return;
    this.items.add(id);
    this.save();
  }

  delete(id: string): void {
    if (this.items.delete(id)) this.save();
  }

  /** Reads the stored value again (after the state was cleared). */
  reload(): void {
    this.items.clear();
    for (const id of this.state.get<string[]>(this.key) ?? []) this.items.add(id);
  }

  /** A read-only view for the chat list. */
  get view(): ReadonlySet<string> {
    return this.items;
  }

  private save(): void {
    this.state.set(this.key, [...this.items]);
  }
}
