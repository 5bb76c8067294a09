/** The draft CISA Secure Software Development Attestation Form, from a product profile and its assessment. */
package dev.tandem.conformity.attestation;
