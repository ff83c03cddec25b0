package org.scriptorium.sandbox.internal.runner;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scriptorium.sandbox.Experiment;
import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.RunSpec;
import org.scriptorium.sandbox.internal.data.SynthDomainsFiles;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What an external run gets besides its command (docs/sandbox-protocol.md, "Inputs" and "The Python module"): the
 * inputs its experiment asks for ({@code external.inputs}, written into {@code <run>/inputs/} before it starts), and
 * its environment: {@code SCRIPTORIUM_INPUTS}, and the product's Python package {@code scriptorium_sandbox} on
 * {@code PYTHONPATH}.
 */
public final class ExternalRuns {

	/** The input that asks for the run's SynthDomains data. */
	public static final String SYNTH_DOMAINS = SynthDomainsFiles.NAME;
	/** The folder of a run that holds its inputs. */
	public static final String INPUTS = "inputs";

	private ExternalRuns() {
	}

	/** The inputs an experiment (or a resolved run configuration) names in {@code external.inputs}. */
	public static List<String> inputs(JsonObject root) {
		List<String> out = new ArrayList<>();
		if (root.get("external") instanceof JsonObject ext && ext.get("inputs") != null
				&& ext.get("inputs").isJsonArray()) {
			for (JsonElement e : ext.getAsJsonArray("inputs")) {
				if (e.isJsonPrimitive()) {
					out.add(e.getAsString());
				}
			}
		}
		return out;
	}

	/** Writes the inputs of the run into {@code <runDir>/inputs/}. */
	public static void prepare(RunSpec spec, Path runDir) throws IOException {
		List<String> inputs = inputs(spec.config());
		if (inputs.contains(SYNTH_DOMAINS)) {
			try {
				var cfg = Experiment.bindResolved(spec.config(), spec.runId());
				SynthDomainsFiles.write(cfg.data(), spec.seed(), runDir.resolve(INPUTS).resolve(SYNTH_DOMAINS));
			} catch (ExperimentException e) {
				throw new IOException("cannot write the data of " + spec.runId() + ": " + e.getMessage(), e);
			}
		}
	}

	/**
	 * The variables an external run gets besides {@code SCRIPTORIUM_CONFIG}, {@code _RUN_DIR} and {@code _RUN_ID}:
	 * {@code SCRIPTORIUM_INPUTS} and {@code PYTHONPATH} with the product's Python package first.
	 *
	 * @param inherited the {@code PYTHONPATH} the run would inherit, or null
	 */
	public static Map<String, String> environment(Path runDir, String inherited) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SCRIPTORIUM_INPUTS", runDir.toAbsolutePath().resolve(INPUTS).toString());
		Path python = pythonPackageRoot();
		if (python != null) {
			env.put("PYTHONPATH", inherited == null || inherited.isBlank()
					? python.toString()
					: python + File.pathSeparator + inherited);
		}
		return env;
	}

	/**
	 * The folder that holds the shipped package {@code scriptorium_sandbox}: the sandbox bundle's {@code python/}
	 * folder, or {@code <sandbox jar>/python} (Python imports pure packages from inside a zip file); null if not found.
	 */
	public static Path pythonPackageRoot() {
		CodeSource cs = ExternalRuns.class.getProtectionDomain().getCodeSource();
		if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
			return null;
		}
		Path location;
		try {
			location = Path.of(cs.getLocation().toURI()).toAbsolutePath();
		} catch (URISyntaxException | IllegalArgumentException e) {
			return null;
		}
		if (Files.isRegularFile(location)) {
			return location.resolve("python"); // a jar: zipimport path
		}
		// a bundle in development: bin/ or target/classes inside the bundle folder
		for (Path p = location; p != null; p = p.getParent()) {
			if (Files.isDirectory(p.resolve("python").resolve("scriptorium_sandbox"))) {
				return p.resolve("python");
			}
		}
		return null;
	}
}
