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

// 6 changed only a trigger of the device's store (deferred note indexing) and 7 added a device-local
// score history: 5 to 7 hold the same synced rows.
export const SUPPORTED_SCHEMA_VERSIONS: VersionRange = { min: 5, max: 7 };
