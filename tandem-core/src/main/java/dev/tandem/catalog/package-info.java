/**
 * The knowledge base as a source of files: bundled in the jar or a folder a reviewer points at
 * ({@code --catalog DIR}), read by one strict loader, identified by a version and a content hash, and
 * the one {@link dev.tandem.catalog.Confidence} scale every entry carries.
 */
package dev.tandem.catalog;
