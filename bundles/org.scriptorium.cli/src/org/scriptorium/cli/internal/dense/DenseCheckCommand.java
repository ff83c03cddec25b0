package org.scriptorium.cli.internal.dense;

import java.util.List;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.cli.internal.ExitCode;
import org.scriptorium.cli.internal.Failure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scriptorium dense-check [MODEL...] [--json]}: the dense bundle's model check on the product's jars. No
 * signature here names a class of the optional dense bundle (picocli reflects on every method of a command), so the
 * tool works without it; {@link ModelChecks} does the work.
 */
@Command(name = "dense-check", description = {"Load the bundled embedding models and check their vectors.",
		"Loads the bundled embedding models (ONNX Runtime and the tokenizer, with their native libraries), embeds "
				+ "two sentences and a query with each, and checks the vectors (length, unit norm, the query closer "
				+ "to the related sentence). Needs the dense-retrieval bundle."})
public final class DenseCheckCommand extends CliCommand {

	@Parameters(paramLabel = "MODEL", arity = "0..*", description = "The models to check (bge-small, minilm; "
			+ "default: all).")
	List<String> models = List.of();

	@Option(names = "--json", description = "Print the outcome as JSON.")
	boolean json;

	/** The failure to throw when the optional bundle is missing from the class path. */
	public static Failure notInstalled(LinkageError e) {
		return new Failure(ExitCode.CHECK_FAILED,
				"the dense-retrieval bundle org.scriptorium.dense is not on the class "
						+ "path (" + e.getMessage() + "); it comes with the Scriptorium IDE product");
	}

	@Override
	public Integer call() {
		try {
			return json ? ModelChecks.json(models, out(), err(), this::usage) : ModelChecks.text(models, out(), err());
		} catch (NoClassDefFoundError e) {
			throw notInstalled(e);
		}
	}
}
