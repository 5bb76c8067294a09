/**
 * The web UI: server-rendered pages (jte templates compiled at build time, escaping by default),
 * readable without JavaScript; htmx (from its WebJar) swaps the findings table and the triage form
 * in place when scripts run. One layout and one stylesheet ({@code layout.jte},
 * {@code static/tandem.css}) hold the page design, so a shared document design can replace them.
 */
package dev.tandem.server.web;
