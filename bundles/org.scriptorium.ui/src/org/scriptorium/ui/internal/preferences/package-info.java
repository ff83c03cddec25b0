/** The Scriptorium preference pages; they edit the core's node and the search bundle's node. */
package org.scriptorium.ui.internal.preferences;
