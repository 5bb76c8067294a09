/** {@code tandem db}: build and inspect advisory snapshots (docs/commands/db.md). */
package dev.tandem.cli.db;
