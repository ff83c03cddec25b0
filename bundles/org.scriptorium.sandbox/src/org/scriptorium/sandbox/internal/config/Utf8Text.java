package org.scriptorium.sandbox.internal.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

import org.scriptorium.sandbox.ExperimentException;
import org.scriptorium.sandbox.Problem;

/**
 * An experiment file's bytes as text: UTF-8 (a UTF-8 byte order mark is dropped), or one error naming the encoding
 * the file seems to have (a UTF-16 or UTF-32 byte order mark) or the line and column of the first byte that is not
 * UTF-8. Nothing is decoded twice or guessed.
 */
public final class Utf8Text {

	private Utf8Text() {
	}

	/** The text of {@code bytes}, or an {@link ExperimentException} naming {@code source} and what to do. */
	public static String decode(byte[] bytes, String source) throws ExperimentException {
		String bom = bom(bytes);
		if (bom != null) {
			throw problem(source, "the file is " + bom + " text, not UTF-8: save it as UTF-8", 0, 0);
		}
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
				&& (bytes[2] & 0xff) == 0xbf ? 3 : 0;
		CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult r = d.decode(in, out, true);
		if (!r.isError()) {
			r = d.flush(out);
		}
		if (r.isError()) {
			int bad = in.position();
			int line = 1;
			int lineStart = start;
			for (int i = start; i < bad; i++) {
				if (bytes[i] == '\n') {
					line++;
					lineStart = i + 1;
				}
			}
			int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
			throw problem(source, String.format(Locale.ROOT, "the file is not valid UTF-8: byte 0x%02x at line %d, "
					+ "column %d is not UTF-8 (is it in another encoding?): save it as UTF-8", bytes[bad] & 0xff, line,
					column), line, column);
		}
		out.flip();
		return out.toString();
	}

	/** A file error in words, without the sandbox needing more than itself. */
	public static String describe(IOException e) {
		if (e instanceof NoSuchFileException) {
			return "no such file";
		}
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m;
	}

	private static String bom(byte[] b) {
		int b0 = b.length > 0 ? b[0] & 0xff : -1, b1 = b.length > 1 ? b[1] & 0xff : -1;
		if (b.length >= 4 && b0 == 0 && b1 == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
			return "UTF-32";
		}
		if (b.length >= 4 && b0 == 0xff && b1 == 0xfe && b[2] == 0 && b[3] == 0) {
			return "UTF-32";
		}
		if (b0 == 0xfe && b1 == 0xff || b0 == 0xff && b1 == 0xfe) {
			return "UTF-16";
		}
		if (b.length >= 2 && (b0 == 0) != (b1 == 0) && (b0 == 0 || b1 == 0)) {
			return "UTF-16 (no byte order mark)";
		}
		return null;
	}

	private static ExperimentException problem(String source, String message, int line, int column) {
		return new ExperimentException(List.of(new Problem(source, "", message, line, column)));
	}
}
