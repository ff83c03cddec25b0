package org.scriptorium.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies test fixtures from the fragment's {@code resources/} folder to a directory. */
final class Fixtures {

	private Fixtures() {
	}

	static Path copy(String resource, Path dir) throws IOException {
		try (InputStream in = Fixtures.class.getResourceAsStream("/resources/" + resource)) { //$NON-NLS-1$
			if (in == null) {
				throw new IOException("missing test fixture resources/" + resource); //$NON-NLS-1$
			}
			Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
			Files.write(target, in.readAllBytes());
			return target;
		}
	}

	static byte[] bytes(String resource) throws IOException {
		try (InputStream in = Fixtures.class.getResourceAsStream("/resources/" + resource)) { //$NON-NLS-1$
			if (in == null) {
				throw new IOException("missing test fixture resources/" + resource); //$NON-NLS-1$
			}
			return in.readAllBytes();
		}
	}
}
