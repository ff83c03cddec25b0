package org.scriptorium.cli.internal.dense;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Json;
import org.scriptorium.dense.DenseModels;
import org.scriptorium.dense.internal.check.ModelCheck;
import org.scriptorium.search.TextEncoder;

/** {@code dense-check}'s calls of {@link ModelCheck}; loaded only when the command runs. */
final class ModelChecks {

	private ModelChecks() {
	}

	/** The check's own report (one line a model) and its exit code in the tool's table. */
	static int text(List<String> models, PrintStream out, PrintStream err) {
		return switch (ModelCheck.run(models.toArray(String[]::new), out, err)) {
			case ModelCheck.OK -> ExitCode.OK;
			case ModelCheck.USAGE -> ExitCode.USAGE;
			default -> ExitCode.CHECK_FAILED;
		};
	}

	/** The outcome as JSON: {@code ok}, {@code platform} and each model's result. */
	static int json(List<String> models, PrintStream out, PrintStream err,
			Function<String, ? extends RuntimeException> usage) {
		List<TextEncoder> encoders = new ArrayList<>();
		for (String id : models) {
			encoders.add(DenseModels.get(id).orElseThrow(() -> usage.apply("unknown model '" + id + "' (bundled: "
					+ String.join(", ", DenseModels.all().stream().map(TextEncoder::id).toList()) + ")")));
		}
		if (encoders.isEmpty()) {
			encoders.addAll(DenseModels.all());
		}
		List<ModelCheck.Result> results = ModelCheck.checkEach(encoders, r -> {
			if (!r.ok()) {
				err.println("error: " + r.model() + ": FAILED: " + r.detail());
			}
		});
		boolean ok = !results.isEmpty() && results.stream().allMatch(ModelCheck.Result::ok);
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("ok", ok);
		o.put("platform", ModelCheck.platform());
		o.put("models", results);
		Json.print(out, o);
		if (!ok) {
			err.println(results.isEmpty() ? "error: no embedding model is bundled" : ModelCheck.ADVICE);
		}
		return ok ? ExitCode.OK : ExitCode.CHECK_FAILED;
	}
}
