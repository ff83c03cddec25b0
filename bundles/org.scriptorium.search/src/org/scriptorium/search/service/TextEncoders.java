package org.scriptorium.search.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.util.NLS;
import org.scriptorium.search.TextEncoder;
import org.scriptorium.search.TextEncoderProvider;
import org.scriptorium.search.internal.service.Messages;

/**
 * The embedding models installed in the workbench: the {@link TextEncoder}s of every provider contributed to the
 * extension point {@code org.scriptorium.search.textEncoders}, read once. A contribution that fails (class missing,
 * native library not loading, duplicate id) is logged with its contributor and left out.
 */
public final class TextEncoders {

	/** The extension point. */
	public static final String EXTENSION_POINT = "org.scriptorium.search.textEncoders"; //$NON-NLS-1$

	private static List<TextEncoder> installed;

	private TextEncoders() {
	}

	/** The installed encoders in contribution order (empty without the dense-retrieval feature). */
	public static synchronized List<TextEncoder> installed() {
		if (installed == null) {
			installed = read(Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT),
					ILog.of(TextEncoders.class));
		}
		return installed;
	}

	/** The ids of {@code models} that are not installed, in order. */
	public static List<String> missing(List<String> models) {
		return models.stream().filter(m -> get(m).isEmpty()).toList();
	}

	/** The installed encoder with this id. */
	public static Optional<TextEncoder> get(String id) {
		return installed().stream().filter(e -> e.id().equals(id)).findFirst();
	}

	/**
	 * The encoders of the {@code provider} elements: each provider's class is instantiated and asked for its
	 * encoders; failures and duplicate ids go to {@code log} naming the contributing bundle.
	 */
	public static List<TextEncoder> read(IConfigurationElement[] elements, ILog log) {
		Map<String, TextEncoder> out = new LinkedHashMap<>();
		Map<String, String> contributors = new LinkedHashMap<>();
		for (IConfigurationElement element : elements) {
			if (!"provider".equals(element.getName())) { //$NON-NLS-1$
				continue;
			}
			String contributor = element.getContributor().getName();
			String type = element.getAttribute("class"); //$NON-NLS-1$
			List<TextEncoder> encoders;
			try {
				Object created = element.createExecutableExtension("class"); //$NON-NLS-1$
				if (!(created instanceof TextEncoderProvider provider)) {
					log.error(NLS.bind(Messages.Encoders_notProvider, type, contributor));
					continue;
				}
				encoders = new ArrayList<>(provider.encoders());
			} catch (CoreException | RuntimeException | LinkageError e) {
				log.error(NLS.bind(Messages.Encoders_failed, new Object[]{type, contributor, e.getMessage()}), e);
				continue;
			}
			for (TextEncoder encoder : encoders) {
				String earlier = contributors.putIfAbsent(encoder.id(), contributor);
				if (earlier != null) {
					log.warn(NLS.bind(Messages.Encoders_duplicate,
							new Object[]{encoder.id(), contributor, earlier}));
				} else {
					out.put(encoder.id(), encoder);
				}
			}
		}
		return List.copyOf(out.values());
	}
}
