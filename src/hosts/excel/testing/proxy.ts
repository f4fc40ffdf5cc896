import type { CellRange } from "../../../core/sheet/types";
import type { RecordedCall, RecordingContext } from "./recording-context";

/** What every fake proxy shares: `load` that takes effect at sync, and reads that fail before it. */
export abstract class FakeProxy {
  private readonly loaded = new Set<string>();

  constructor(
    protected readonly ctx: RecordingContext,
    /** Prefix of the recorded API names, e.g. `range`. */
    private readonly kind: string,
  ) {}

  /** Where the proxy points, for the recorded calls. */
  protected where(): { sheet?: string; range?: CellRange } {
    return {};
  }

  load(propertyNames: string): this {
    const props = propertyNames.split(",").map((p) => p.trim()).filter(Boolean);
    this.ctx.record({ api: `${this.kind}.load`, ...this.where(), value: propertyNames }, () => {
      this.onLoad(props);
      this.markLoaded(props);
    });
    return this;
  }

  /** Items of a loaded collection arrive with their properties loaded. */
  markLoaded(props: string[]): void {
    for (const p of props) this.loaded.add(p.split("/")[0]);
  }

  /** Snapshot what a load reads (values, items…); runs at sync. */
  protected onLoad(_props: string[]): void {}

  /** Office.js throws when a property is read before `load` and `sync`. */
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${this.kind}.${prop} was read before load("${prop}") and sync()`);
  }

  /** Records a setter or method call under this proxy. */
  protected call(api: string, extra: Partial<RecordedCall>, run?: () => void): void {
    this.ctx.record({ api: `${this.kind}.${api}`, ...this.where(), ...extra }, run);
  }
}

/**
 * An object whose listed properties record a call when set (the nested
 * `format.font.color`, `custom.rule.formula` setters of Office.js).
 */
export function setters<T>(props: string[], onSet: (prop: string, value: unknown) => void): T {
  const o = {};
  for (const p of props) {
    Object.defineProperty(o, p, {
      set: (value: unknown) => onSet(p, value),
      get: () => {
        throw new Error(`fake: reading ${p} is not supported`);
      },
    });
  }
  return o as T;
}
