import { Field, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More items follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Items precede the first edge (true whenever `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge; pass as `after` for the next page.',
  })
  endCursor!: string | null;
}

/** Opaque cursors: base64url of the sort value and the id, so pages stay stable while rows change. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

/**
 * A page's edge whose cursor is encoded only when read: a list page rarely asks for each edge's cursor, and
 * encoding fifty of them (JSON, then base64url) was a measurable share of a page's CPU.
 */
export class LazyCursorEdge<N extends { id: string; sortValue?: string | null }> {
  constructor(readonly node: N) {}

  get cursor(): string {
    return encodeCursor(this.node.sortValue ?? '', this.node.id);
  }
}

export function decodeCursor(cursor: string): { sortValue: string; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      const [sortValue, id] = parsed as [string, string];
      return /^[0-9a-f-]{36}$/.test(id) ? { sortValue, id } : null;
    }
  } catch {
    // fall through
  }
  return null;
}
