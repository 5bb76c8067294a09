/**
 * OpenPGP signatures (RFC 4880) with a key the user supplies: detached armored signatures of CSAF
 * documents (CSAF 2.0 §7.1.19) and cleartext-signed security.txt files (RFC 9116 §2.3), made with
 * BouncyCastle. The signing instant is the caller's, so outputs are reproducible up to the signature
 * bytes.
 */
package dev.tandem.openpgp;
