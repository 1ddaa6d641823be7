import type pg from 'pg';

export interface CatalogueEntry {
  id: string;
  code: string;
  nameZh: string;
}
export interface TownshipEntry extends CatalogueEntry {
  terrain: string;
  pairCode: string | null;
}
export interface HeadquartersEntry extends CatalogueEntry {
  kind: string;
}

/**
 * The fixed tenant catalogue (townships, headquarters), public to every principal and changed only by
 * deployment: loaded once per process, so resolving `township { code }` costs no SQL per request.
 */
export class CatalogueCache {
  private townshipsById = new Map<string, TownshipEntry>();
  private headquartersById = new Map<string, HeadquartersEntry>();

  async load(pool: pg.Pool): Promise<void> {
    const townships = await pool.query<TownshipEntry>(
      `SELECT id, code, name_zh AS "nameZh", terrain, pair_code AS "pairCode" FROM township ORDER BY terrain, code`,
    );
    const headquarters = await pool.query<HeadquartersEntry>(
      `SELECT id, code, name_zh AS "nameZh", kind FROM headquarters ORDER BY code`,
    );
    this.townshipsById = new Map(townships.rows.map((t) => [t.id, t]));
    this.headquartersById = new Map(headquarters.rows.map((h) => [h.id, h]));
  }

  townships(): TownshipEntry[] {
    return [...this.townshipsById.values()];
  }

  headquarters(): HeadquartersEntry[] {
    return [...this.headquartersById.values()];
  }

  township(id: string | null | undefined): TownshipEntry | null {
    return id ? (this.townshipsById.get(id) ?? null) : null;
  }

  headquartersOf(id: string | null | undefined): HeadquartersEntry | null {
    return id ? (this.headquartersById.get(id) ?? null) : null;
  }

  townshipByCode(code: string): TownshipEntry | null {
    return this.townships().find((t) => t.code === code) ?? null;
  }

  headquartersByCode(code: string): HeadquartersEntry | null {
    return this.headquarters().find((h) => h.code === code) ?? null;
  }
}
