package org.scriptorium.tests.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Fails a test if anything was logged at ERROR severity to the Eclipse log while it ran (like LSP4E's
 * NoErrorLoggedRule). Use with {@code @ExtendWith(NoErrorLoggedExtension.class)}.
 */
public final class NoErrorLoggedExtension implements BeforeEachCallback, AfterEachCallback {

	private static final Namespace NS = Namespace.create(NoErrorLoggedExtension.class);

	private static final class Recorder implements ILogListener {
		final List<IStatus> errors = new CopyOnWriteArrayList<>();

		@Override
		public void logging(IStatus status, String plugin) {
			collect(status);
		}

		private void collect(IStatus status) {
			if (status.getSeverity() == IStatus.ERROR
					&& (status.getChildren().length == 0 || status.getException() != null)) {
				errors.add(status);
			}
			for (IStatus child : status.getChildren()) {
				collect(child);
			}
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Recorder recorder = new Recorder();
		Platform.addLogListener(recorder);
		context.getStore(NS).put(Recorder.class, recorder);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Recorder recorder = context.getStore(NS).remove(Recorder.class, Recorder.class);
		if (recorder == null) {
			return;
		}
		Platform.removeLogListener(recorder);
		if (!recorder.errors.isEmpty()) {
			StringBuilder b = new StringBuilder(recorder.errors.size() + " error(s) were logged during the test:"); //$NON-NLS-1$
			for (IStatus s : recorder.errors) {
				b.append("\n  ").append(s.getPlugin()).append(": ").append(s.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
				if (s.getException() != null) {
					b.append(" (").append(s.getException()).append(')'); //$NON-NLS-1$
				}
			}
			AssertionError failure = new AssertionError(b.toString());
			recorder.errors.stream().map(IStatus::getException).filter(e -> e != null).forEach(failure::addSuppressed);
			throw failure;
		}
	}
}
