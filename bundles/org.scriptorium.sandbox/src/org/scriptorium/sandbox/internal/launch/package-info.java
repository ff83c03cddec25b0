/**
 * Launching an experiment file from a process of its own: validate it, run its runs in child JVMs, print their
 * events (JSON lines or a readable summary) and exit with a code of the command-line tool's table. Used by
 * {@code scriptorium run}/{@code validate} (bundle org.scriptorium.cli) and by the workbench's launch, which starts
 * {@link org.scriptorium.sandbox.internal.launch.LaunchMain} (no command-line parser library needed).
 */
package org.scriptorium.sandbox.internal.launch;
