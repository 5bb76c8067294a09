/**
 * The outputs of a scan ({@link dev.tandem.usecase.scan.ScanResult}): a terminal table, the JSON
 * report (docs/schemas/scan.schema.json), SARIF 2.1.0 and a CycloneDX 1.6 VDR, registered in
 * {@link dev.tandem.render.scan.ScanFormats}.
 */
package dev.tandem.render.scan;
