/** Public identifiers of the Scriptorium workbench contributions. */
package org.scriptorium.ui;
