/** The Scriptorium preference pages; they edit the core's preference node. */
package org.scriptorium.ui.internal.preferences;
