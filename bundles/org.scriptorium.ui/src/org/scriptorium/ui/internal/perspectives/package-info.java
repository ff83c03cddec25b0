/** The Scriptorium perspective. */
package org.scriptorium.ui.internal.perspectives;
