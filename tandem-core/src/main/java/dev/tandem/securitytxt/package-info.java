/**
 * security.txt (RFC 9116): the fields of an organisation's security contact file, checked as the RFC
 * requires (a Contact, exactly one Expires in the future, https for web URIs), and its text.
 */
package dev.tandem.securitytxt;
