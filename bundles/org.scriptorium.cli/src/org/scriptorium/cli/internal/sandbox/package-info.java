/** {@code scriptorium run} and {@code validate}: routing experiments, run by the sandbox's launch. */
package org.scriptorium.cli.internal.sandbox;
