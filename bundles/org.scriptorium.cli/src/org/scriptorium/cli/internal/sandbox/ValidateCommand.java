package org.scriptorium.cli.internal.sandbox;

import java.nio.file.Path;

import org.scriptorium.cli.internal.CliCommand;
import org.scriptorium.sandbox.internal.launch.ExperimentLaunch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code scriptorium validate FILE [--set PATH=VALUE]... [--seed N] [--json]}. */
@Command(name = "validate", description = {"Check an experiment file.",
		"Checks an experiment file (with --set and --seed applied) and counts its runs; each problem names its JSON "
				+ "path, line and column."})
public final class ValidateCommand extends CliCommand {

	@Parameters(paramLabel = "FILE", arity = "1", description = ExperimentOptions.FILE_DESCRIPTION)
	Path file;

	@Mixin
	ExperimentOptions experiment;

	@Override
	public Integer call() {
		return ExperimentLaunch.validate(file, experiment.sets, experiment.seed, experiment.json, out(),
				err());
	}
}
