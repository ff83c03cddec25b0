/**
 * UI test support in the style of SWTBot on plain SWT and workbench APIs: finding widgets by id, waiting for
 * conditions without fixed sleeps, real keyboard and mouse input through {@code Display.post}, screenshots.
 */
package org.scriptorium.tests.common.ui;
