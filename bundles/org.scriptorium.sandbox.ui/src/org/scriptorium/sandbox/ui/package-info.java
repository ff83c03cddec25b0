/** Public identifiers of the routing experiment workbench contributions. */
package org.scriptorium.sandbox.ui;
