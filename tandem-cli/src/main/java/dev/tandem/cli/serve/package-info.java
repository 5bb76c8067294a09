/** {@code tandem serve}: runs the server (API and web UI) until stopped. */
package dev.tandem.cli.serve;
