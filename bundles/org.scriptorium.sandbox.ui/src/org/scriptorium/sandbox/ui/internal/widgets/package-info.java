/** Widgets shared by the sandbox's views and launch tabs: links from strategies and losses to their papers. */
package org.scriptorium.sandbox.ui.internal.widgets;
