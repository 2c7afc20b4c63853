/** The kinds of features (features.ts), by the letter their names start with; the order of SHARE. */
export const KINDS = ['s', 'p', 'b', 't', 'g', 'r'] as const;
export type Kind = (typeof KINDS)[number];
export const GRAM = KINDS.indexOf('g');
export const RELATED = KINDS.indexOf('r');

/**
 * Feature names ("p:fund", "g:_fun") numbered in the order they are first met. Answers' features, vectors and
 * centroids are then arrays of numbers: a 10,000-answer prompt builds no Map keyed by strings, and a feature's
 * weight is an array index, not a hash. The numbers say nothing about the features (nothing is ordered by them),
 * so which number a feature gets never changes a result.
 */
export class FeatureIds {
  private ids = new Map<string, number>();
  private kindOf = new Uint8Array(1024);

  get size(): number {
    return this.ids.size;
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
      if (id >= this.kindOf.length) {
        const grown = new Uint8Array(this.kindOf.length * 2);
        grown.set(this.kindOf);
        this.kindOf = grown;
      }
      const kind = KINDS.indexOf(name[0] as Kind);
      if (kind < 0) throw new Error(`FeatureIds: unknown kind of feature ${name}`);
      this.kindOf[id] = kind;
    }
    return id;
  }

  /** The feature's kind, as an index into KINDS. */
  kind(id: number): number {
    return this.kindOf[id];
  }

  /** Every feature's kind by number, for loops that read many (valid until the next new feature). */
  kinds(): Uint8Array {
    return this.kindOf;
  }
}
