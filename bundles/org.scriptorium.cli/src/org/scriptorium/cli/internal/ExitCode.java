package org.scriptorium.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every command (README, "Exit codes"). The sandbox's launch process, which the workbench starts
 * without this bundle, exits with the same codes ({@code org.scriptorium.sandbox.internal.launch.ExperimentLaunch}).
 */
public final class ExitCode {

	/** Success. */
	public static final int OK = 0;
	/** The command ran but found nothing: no citation path between the two papers. */
	public static final int NOTHING_FOUND = 1;
	/** A bad command line: unknown command or option, a missing or malformed value. */
	public static final int USAGE = 2;
	/** An input file is missing, unreadable or malformed (corpus, bibliography, queries, judgments, experiment). */
	public static final int INVALID_INPUT = 3;
	/** A file or the index could not be read or written. */
	public static final int IO_ERROR = 4;
	/** The query cannot be run: a syntax error, or a paper in {@code cites:}/{@code citedby:}/{@code related:} that no paper matches. */
	public static final int BAD_QUERY = 5;
	/** No paper matches the paper named on the command line. */
	public static final int NO_SUCH_PAPER = 6;
	/** The paper named on the command line matches several papers equally well. */
	public static final int AMBIGUOUS_PAPER = 7;
	/** An experiment run failed. */
	public static final int RUN_FAILED = 8;
	/** An experiment run timed out. */
	public static final int RUN_TIMED_OUT = 9;
	/** The experiment launch was cancelled. */
	public static final int CANCELLED = 10;
	/** An embedding model failed its check, or the dense-retrieval bundle is not installed. */
	public static final int CHECK_FAILED = 11;
	/** An experiment run diverged (a NaN or infinite loss, gradient or logit), and no run failed. */
	public static final int RUN_DIVERGED = 12;
	/** {@code refs}: some reference of the files resolves to no paper of the corpus. */
	public static final int UNKNOWN_REFERENCES = 13;
	/** An internal error (a bug: please report it). */
	public static final int INTERNAL = 70;

	private ExitCode() {
	}

	/** Each code with what it means, as the help lists them. */
	public static Map<String, String> table() {
		Map<String, String> t = new LinkedHashMap<>();
		t.put(Integer.toString(OK), "success");
		t.put(Integer.toString(NOTHING_FOUND), "nothing found (graph path: no citation path)");
		t.put(Integer.toString(USAGE), "bad command line (unknown command or option, missing or malformed value)");
		t.put(Integer.toString(INVALID_INPUT),
				"an input file is missing, unreadable or malformed (corpus, bibliography, queries, experiment)");
		t.put(Integer.toString(IO_ERROR), "a file or the index could not be read or written");
		t.put(Integer.toString(BAD_QUERY), "the query cannot be run (syntax error, unknown paper in cites: etc.)");
		t.put(Integer.toString(NO_SUCH_PAPER), "no paper matches PAPER");
		t.put(Integer.toString(AMBIGUOUS_PAPER), "PAPER matches several papers equally well");
		t.put(Integer.toString(RUN_FAILED), "an experiment run failed");
		t.put(Integer.toString(RUN_TIMED_OUT), "an experiment run timed out");
		t.put(Integer.toString(CANCELLED), "the experiment launch was cancelled");
		t.put(Integer.toString(CHECK_FAILED), "an embedding model failed its check (dense-check)");
		t.put(Integer.toString(RUN_DIVERGED), "an experiment run diverged (NaN or infinite loss, gradient or logit)");
		t.put(Integer.toString(UNKNOWN_REFERENCES), "a reference resolves to no paper of the corpus (refs)");
		t.put(Integer.toString(INTERNAL), "internal error (a bug: please report it)");
		return t;
	}
}
