package dev.tandem.usecase.reporting;

import dev.tandem.reporting.catalog.Framework;

/** A framework and whether it binds on the date asked for. */
public record FrameworkStanding(Framework framework, boolean inForce) {
}
