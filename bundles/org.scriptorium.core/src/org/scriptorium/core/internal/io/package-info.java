/** Implementation of the corpus file format, the importers and the exporters. Plain Java. */
package org.scriptorium.core.internal.io;
