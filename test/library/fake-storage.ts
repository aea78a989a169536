// A Web Storage stand-in for tests: string values, an optional quota like a browser's.
export class FakeStorage {
  private readonly data = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}

  getItem(key: string): string | null {
    return this.data.has(key) ? this.data.get(key)! : null;
  }

  setItem(key: string, value: string): void {
    let size = 0;
    for (const [k, v] of this.data) if (k !== key) size += k.length + v.length;
    if (size + key.length + value.length > this.quota) {
      const e = new Error(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`);
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.data.set(key, String(value));
  }

  removeItem(key: string): void {
    this.data.delete(key);
  }

  keys(): string[] {
    return [...this.data.keys()];
  }
}
