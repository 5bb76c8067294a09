/**
 * The outputs of the advisory snapshot use cases: the snapshot file itself, the build summary,
 * and a snapshot's description as text or JSON (docs/schemas/db-info.schema.json), registered in
 * {@link dev.tandem.render.db.DbFormats}.
 */
package dev.tandem.render.db;
