/** The preference initializer of the core, and the migration of settings between the layers' nodes. */
package org.scriptorium.core.internal.preferences;
