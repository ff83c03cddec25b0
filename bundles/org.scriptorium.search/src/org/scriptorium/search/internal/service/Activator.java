package org.scriptorium.search.internal.service;

import java.util.Map;

import org.eclipse.osgi.service.debug.DebugOptions;
import org.eclipse.osgi.service.debug.DebugOptionsListener;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.scriptorium.search.service.SearchService;

/**
 * Starts and stops the OSGi side of the search bundle: tracing, and closing the search service's engines (their Lucene
 * indexes) when the bundle stops. The plain-Java classes of the bundle do not need it (outside OSGi it never runs).
 */
public final class Activator implements BundleActivator {

	private ServiceRegistration<DebugOptionsListener> tracing;

	@Override
	public void start(BundleContext context) {
		tracing = context.registerService(DebugOptionsListener.class, new Tracing(),
				FrameworkUtil.asDictionary(Map.of(DebugOptions.LISTENER_SYMBOLICNAME, Tracing.PLUGIN_ID)));
	}

	@Override
	public void stop(BundleContext context) {
		SearchService.get().close();
		if (tracing != null) {
			tracing.unregister();
			tracing = null;
		}
	}
}
