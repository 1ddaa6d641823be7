import type { MigrationInterface, QueryRunner } from 'typeorm';
import { REQUEST_ROLE as R } from '../roles.js';

/** The gateway's live-update channel (apps/gateway/src/live/live-events.ts, LIVE_CHANNEL). */
const LIVE_CHANNEL = 'hanjiang_live';

/**
 * Open WebSockets must not outlive their credential. Two pieces, used by the gateway's socket registry:
 * - `app.credentials_in_force(api key ids, membership ids)`: which of them still stand, and as what (tenant, role,
 *   team), in ONE query for every distinct credential open on a replica (the periodic re-check) or connecting.
 * - Triggers announcing a lapse on the live channel the moment it commits, however the row was changed (today
 *   revocation is a plain `UPDATE api_key SET revoked_at = now()`): every replica then closes the affected
 *   sockets before it handles any later event. NOTIFY is delivered on commit only, in commit order.
 */
export class Sockets1764700000200 implements MigrationInterface {
  name = 'Sockets1764700000200';

  async up(q: QueryRunner): Promise<void> {
    const statements = [
      `CREATE FUNCTION app.credentials_in_force(p_api_keys uuid[], p_memberships uuid[])
         RETURNS TABLE (credential text, subject text, tenant_kind text, tenant_code text, role text, team_id uuid)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
           SELECT 'apikey:' || k.id, 'apikey:' || k.id, k.tenant_kind, k.tenant_code, k.role, NULL::uuid
           FROM api_key k
           WHERE k.id = ANY (p_api_keys) AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
           UNION ALL
           SELECT 'membership:' || m.id, u.username, m.tenant_kind, m.tenant_code, m.role, m.team_id
           FROM membership m JOIN user_account u ON u.id = m.user_id
           WHERE m.id = ANY (p_memberships) AND NOT u.disabled
         $$`,
      `REVOKE ALL ON FUNCTION app.credentials_in_force(uuid[], uuid[]) FROM PUBLIC`,
      `GRANT EXECUTE ON FUNCTION app.credentials_in_force(uuid[], uuid[]) TO ${R}`,

      // OLD identifies the row for UPDATE and DELETE alike.
      `CREATE FUNCTION app.announce_credential_lapse() RETURNS trigger
         LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
         DECLARE
           v_subject text;
           v_membership uuid;
           v_prefix text;
         BEGIN
           IF TG_TABLE_NAME = 'api_key' THEN
             v_subject := 'apikey:' || OLD.id;
             v_prefix := OLD.prefix;
           ELSIF TG_TABLE_NAME = 'membership' THEN
             SELECT username INTO v_subject FROM user_account WHERE id = OLD.user_id;
             v_membership := OLD.id;
           ELSE
             v_subject := OLD.username;
           END IF;
           IF v_subject IS NOT NULL THEN
             PERFORM pg_notify('${LIVE_CHANNEL}', json_build_object(
               't', 'credential', 'subject', v_subject, 'membershipId', v_membership, 'prefix', v_prefix)::text);
           END IF;
           RETURN NULL;
         END $$`,
      `REVOKE ALL ON FUNCTION app.announce_credential_lapse() FROM PUBLIC`,

      // Only changes that end what a socket was opened with: a spurious close would only force a reconnect.
      `CREATE TRIGGER api_key_lapse AFTER UPDATE ON api_key FOR EACH ROW
         WHEN ((NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
           OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
           OR (NEW.tenant_kind, NEW.tenant_code, NEW.role, NEW.secret_hash)
              IS DISTINCT FROM (OLD.tenant_kind, OLD.tenant_code, OLD.role, OLD.secret_hash))
         EXECUTE FUNCTION app.announce_credential_lapse()`,
      `CREATE TRIGGER api_key_removed AFTER DELETE ON api_key FOR EACH ROW
         EXECUTE FUNCTION app.announce_credential_lapse()`,
      `CREATE TRIGGER user_account_lapse AFTER UPDATE ON user_account FOR EACH ROW
         WHEN (NEW.disabled AND NOT OLD.disabled)
         EXECUTE FUNCTION app.announce_credential_lapse()`,
      `CREATE TRIGGER user_account_removed AFTER DELETE ON user_account FOR EACH ROW
         EXECUTE FUNCTION app.announce_credential_lapse()`,
      `CREATE TRIGGER membership_lapse AFTER UPDATE ON membership FOR EACH ROW
         WHEN ((NEW.user_id, NEW.tenant_kind, NEW.tenant_code, NEW.role, NEW.team_id)
           IS DISTINCT FROM (OLD.user_id, OLD.tenant_kind, OLD.tenant_code, OLD.role, OLD.team_id))
         EXECUTE FUNCTION app.announce_credential_lapse()`,
      `CREATE TRIGGER membership_removed AFTER DELETE ON membership FOR EACH ROW
         EXECUTE FUNCTION app.announce_credential_lapse()`,
    ];
    for (const statement of statements) await q.query(statement);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('Sockets1764700000200 is not reversible: restore from a backup instead'));
  }
}
