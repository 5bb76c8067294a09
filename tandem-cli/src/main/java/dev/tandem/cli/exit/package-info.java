/** How a command ends: the exit codes shared by every command, and the usage error (exit 2). */
package dev.tandem.cli.exit;
