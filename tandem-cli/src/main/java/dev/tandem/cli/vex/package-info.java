/**
 * The advisories-and-VEX commands: {@code advisory} (CSAF 2.0), {@code vex} (CycloneDX VEX, OpenVEX),
 * {@code user-notice} (CRA Art. 14(8)), {@code csaf-provider} (a trusted-provider directory) and
 * {@code security-txt} (RFC 9116).
 */
package dev.tandem.cli.vex;
