// Positional parameters for hand-written report SQL: `p.add(value)` returns its placeholder, so values never
// travel inside the text and a statement can be assembled from fragments without counting by hand.
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
