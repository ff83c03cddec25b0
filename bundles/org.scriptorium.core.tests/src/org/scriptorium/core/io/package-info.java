/** Tests of the importers and exporters. */
package org.scriptorium.core.io;
