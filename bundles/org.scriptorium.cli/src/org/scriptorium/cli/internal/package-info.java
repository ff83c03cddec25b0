/**
 * The command-line tool {@code scriptorium} (picocli): its entry point {@link org.scriptorium.cli.internal.ScriptoriumCli},
 * the exit-code table, the {@code --corpus} option every corpus-reading command shares and {@code --json} output. The
 * commands live in the sub-packages by area (papers, search, sandbox, dense, bench); they parse and print, the work
 * is done by the library bundles.
 */
package org.scriptorium.cli.internal;
