package org.scriptorium.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IContributor;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.service.TextEncoders;
import org.scriptorium.tests.common.NoErrorLoggedExtension;
import org.scriptorium.ui.tests.dense.HashedEncoderProvider;

/** Reading the text encoder contributions: failures and duplicates are logged naming the contributor. */
@ExtendWith(NoErrorLoggedExtension.class)
class TextEncodersTest {

	/** What the log was told: "error: ..." or "warn: ...". */
	private final List<String> logged = new ArrayList<>();

	private final ILog log = (ILog) Proxy.newProxyInstance(ILog.class.getClassLoader(), new Class<?>[]{ILog.class},
			(proxy, method, args) -> {
				if (method.getName().equals("error") || method.getName().equals("warn")) { //$NON-NLS-1$ //$NON-NLS-2$
					logged.add(method.getName() + ": " + args[0]); //$NON-NLS-1$
				} else if (!method.getName().equals("getBundle")) { //$NON-NLS-1$
					throw new AssertionError("unexpected log call " + method); //$NON-NLS-1$
				}
				return null;
			});

	/** A {@code provider} element of {@code contributor} whose class is {@code created} (or whose creation fails). */
	private static IConfigurationElement provider(String contributor, String type, Object created) {
		IContributor c = (IContributor) Proxy.newProxyInstance(IContributor.class.getClassLoader(),
				new Class<?>[]{IContributor.class}, (p, m, a) -> m.getName().equals("getName") ? contributor : null); //$NON-NLS-1$
		return (IConfigurationElement) Proxy.newProxyInstance(IConfigurationElement.class.getClassLoader(),
				new Class<?>[]{IConfigurationElement.class}, (p, m, a) -> switch (m.getName()) {
					case "getName" -> "provider"; //$NON-NLS-1$ //$NON-NLS-2$
					case "getContributor" -> c; //$NON-NLS-1$
					case "getAttribute" -> type; //$NON-NLS-1$
					case "createExecutableExtension" -> { //$NON-NLS-1$
						if (created instanceof Throwable t) {
							throw t;
						}
						yield created;
					}
					default -> throw new AssertionError("unexpected call " + m); //$NON-NLS-1$
				});
	}

	@Test
	void theContributedProvidersGiveTheirEncodersInOrder() {
		List<TextEncoder> encoders = TextEncoders.read(new IConfigurationElement[]{
				provider("org.example.a", HashedEncoderProvider.class.getName(), new HashedEncoderProvider())}, log); //$NON-NLS-1$
		assertEquals(List.of(HashedEncoderProvider.WORDS, HashedEncoderProvider.TRIGRAMS),
				encoders.stream().map(TextEncoder::id).toList());
		assertEquals(List.of(), logged);
	}

	@Test
	void aFailingOrWrongContributionIsLoggedWithItsContributorAndTheOthersStay() {
		List<TextEncoder> encoders = TextEncoders.read(new IConfigurationElement[]{
				provider("org.example.broken", "org.example.Missing", //$NON-NLS-1$ //$NON-NLS-2$
						new CoreException(Status.error("class org.example.Missing not found"))), //$NON-NLS-1$
				provider("org.example.wrong", "org.example.NotAProvider", Map.of()), //$NON-NLS-1$ //$NON-NLS-2$
				provider("org.example.native", "org.example.Native", new UnsatisfiedLinkError("no onnxruntime")), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				provider("org.example.good", HashedEncoderProvider.class.getName(), new HashedEncoderProvider()), //$NON-NLS-1$
				provider("org.example.again", HashedEncoderProvider.class.getName(), new HashedEncoderProvider())}, //$NON-NLS-1$
				log);

		assertEquals(List.of(HashedEncoderProvider.WORDS, HashedEncoderProvider.TRIGRAMS),
				encoders.stream().map(TextEncoder::id).toList());
		assertEquals(5, logged.size(), logged.toString());
		assertTrue(logged.get(0).startsWith("error: ") && logged.get(0).contains("org.example.Missing") //$NON-NLS-1$ //$NON-NLS-2$
				&& logged.get(0).contains("contributed by org.example.broken") && logged.get(0).contains("not found"), //$NON-NLS-1$ //$NON-NLS-2$
				logged.get(0));
		assertTrue(logged.get(1).startsWith("error: ") && logged.get(1).contains("contributed by org.example.wrong") //$NON-NLS-1$ //$NON-NLS-2$
				&& logged.get(1).contains("does not implement"), logged.get(1)); //$NON-NLS-1$
		assertTrue(logged.get(2).contains("org.example.native") && logged.get(2).contains("no onnxruntime"), //$NON-NLS-1$ //$NON-NLS-2$
				logged.get(2));
		assertTrue(logged.get(3).startsWith("warn: ") && logged.get(3).contains("'" + HashedEncoderProvider.WORDS + "'") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				&& logged.get(3).contains("org.example.again") && logged.get(3).contains("org.example.good"), //$NON-NLS-1$ //$NON-NLS-2$
				logged.get(3));
	}
}
