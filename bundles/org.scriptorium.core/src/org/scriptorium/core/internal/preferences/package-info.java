/** The preference initializer of the core. */
package org.scriptorium.core.internal.preferences;
