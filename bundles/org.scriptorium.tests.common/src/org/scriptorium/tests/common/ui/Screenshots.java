package org.scriptorium.tests.common.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows on screen as a PNG file. */
public final class Screenshots {

	private Screenshots() {
	}

	/** Captures {@code shell} into {@code file} (PNG); creates the folder. */
	public static Path capture(Shell shell, Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		UiWait.flush();
		Rectangle r = shell.getBounds();
		Image image = new Image(shell.getDisplay(), r.width, r.height);
		GC gc = new GC(shell.getDisplay());
		try {
			gc.copyArea(image, r.x, r.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new org.eclipse.swt.graphics.ImageData[]{image.getImageData()};
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		return file;
	}
}
