package org.scriptorium.cli.internal;

/**
 * A command's error that is not a bug: its message (one line, printed after {@code error: }) and its exit code
 * ({@link ExitCode}). Thrown by the commands, turned into the message and the code by {@link ScriptoriumCli}.
 */
public final class Failure extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final int code;

	public Failure(int code, String message) {
		super(message);
		this.code = code;
	}

	public int code() {
		return code;
	}
}
