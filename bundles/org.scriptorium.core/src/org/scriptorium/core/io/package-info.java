/** Importers and exporters for the bibliographic formats researchers use. Plain Java. */
package org.scriptorium.core.io;
