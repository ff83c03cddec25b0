/** Links from the sandbox's strategies and losses to their papers, and from papers to example experiments. */
package org.scriptorium.sandbox.ui.internal.papers;
