/**
 * A CSAF 2.0 trusted-provider directory (§7.1): provider-metadata.json, one folder per TLP label with a
 * folder per year, index.txt, changes.csv, a ROLIE feed, and per document its SHA-256 and SHA-512 files
 * and detached OpenPGP signature, built in memory as files for the caller to write.
 */
package dev.tandem.csaf.provider;
