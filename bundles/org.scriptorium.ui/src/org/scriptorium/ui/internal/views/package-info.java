/** The Scriptorium views. */
package org.scriptorium.ui.internal.views;
