/**
 * The obligations engine: for one incident record, the catalog and an instant, which frameworks
 * apply and why, and for each stage its clock start, due instant, legal outer limit, status,
 * recipient and missing fields. A pure function; rendering lives in the CLI.
 */
package dev.tandem.reporting.obligation;
