/**
 * NVD and CVE records: the NVD CVE API 2.0 JSON (single records, API responses and the yearly
 * feeds), the retired NVD JSON 1.1 feeds (one item or a whole {@code CVE_Items} feed), and CVE JSON
 * 5.x records of the CVE List with their CNA and ADP containers (CISA's ADP {@code affected} data
 * with CPEs, and {@code cpeApplicability}). Each becomes a {@link dev.tandem.advisory.nvd.CveRecord}:
 * the record as an {@link dev.tandem.advisory.Advisory} (id, summary, CVSS scores with their
 * sources, rejected as withdrawn) and its CPE applicability. Files, directories, zips and
 * {@code .gz} feeds are read by {@link dev.tandem.advisory.nvd.CveRecordLoader}. Formats and every
 * quirk handled: docs/formats/nvd.md.
 */
package dev.tandem.advisory.nvd;
