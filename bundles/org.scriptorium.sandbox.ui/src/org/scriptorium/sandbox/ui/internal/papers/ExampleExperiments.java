package org.scriptorium.sandbox.ui.internal.papers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.scriptorium.core.model.Paper;
import org.scriptorium.launching.ExperimentExamples;
import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Methods;

/** The shipped example experiments that use the strategies or losses a paper defines. */
public final class ExampleExperiments {

	/** Example file name to the methods it uses, read once. */
	private static Map<String, List<Methods.Method>> used;

	private ExampleExperiments() {
	}

	/** The strategies and losses the paper defines (by its arXiv id); empty for any other paper. */
	public static List<Methods.Method> definedBy(Paper paper) {
		return paper == null || paper.ids() == null ? List.of() : Methods.definedBy(paper.ids().arxiv());
	}

	/** Example file name to the paper's methods it uses, for the examples that use at least one, by name. */
	public static Map<String, List<Methods.Method>> examplesFor(Paper paper) {
		List<Methods.Method> defined = definedBy(paper);
		Map<String, List<Methods.Method>> out = new LinkedHashMap<>();
		if (!defined.isEmpty()) {
			examples().forEach((file, methods) -> {
				List<Methods.Method> common = methods.stream().filter(defined::contains).toList();
				if (!common.isEmpty()) {
					out.put(file, common);
				}
			});
		}
		return out;
	}

	private static synchronized Map<String, List<Methods.Method>> examples() {
		if (used == null) {
			Map<String, List<Methods.Method>> m = new LinkedHashMap<>();
			for (URL url : ExperimentExamples.examples()) {
				String name = ExperimentExamples.fileName(url);
				try (InputStream in = url.openStream()) {
					Experiment experiment = Experiment.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
							name);
					if (!experiment.isExternal()) { // an external command is not run from the Papers view
						m.put(name, Methods.of(experiment.json()));
					}
				} catch (IOException | ExperimentException e) {
					ILog.of(ExampleExperiments.class).warn("Cannot read the example experiment " + url, e); //$NON-NLS-1$
				}
			}
			used = m;
		}
		return used;
	}
}
