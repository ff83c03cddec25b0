/** The keys and defaults of the core's preferences (plain Java constants; the node is {@link org.scriptorium.core.preferences.CorePreferences#QUALIFIER}). */
package org.scriptorium.core.preferences;
