/**
 * The versions a sync server accepts (DESIGN §3 "Versions"), announced by `GET /v1/health` and
 * checked on every sync request. `protocol` is the wire format's version; `schema` is the client
 * store's migration number, so a client whose store is older or newer than the server understands
 * gets UPGRADE_REQUIRED instead of rows it cannot hold.
 */
export interface VersionRange {
  min: number;
  max: number;
}

export const SUPPORTED_PROTOCOL_VERSIONS: VersionRange = { min: 1, max: 1 };

// 8 added synced entities (the CSM's sentiment, QBR plans) and a touchpoint column (its contact): a store of
// 5 to 7 cannot hold them, so such a device is asked to update (its queued changes wait in its
// outbox and go out once the update has migrated the store).
// 9 added a device-local index only: a store of 8 or 9 holds the same synced rows.
export const SUPPORTED_SCHEMA_VERSIONS: VersionRange = { min: 8, max: 9 };
