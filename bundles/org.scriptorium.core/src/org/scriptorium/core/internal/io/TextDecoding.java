package org.scriptorium.core.internal.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the encoding of a bibliography file from its first bytes: a byte order mark (UTF-8, UTF-16), UTF-16
 * without a mark (zero bytes in every other position), binary content (other zero bytes or many control characters),
 * valid UTF-8, else windows-1252 (a superset of Latin-1, the usual legacy encoding of .bib and .ris files).
 */
public final class TextDecoding {

	/** The guess: the charset and how many bytes of byte order mark to skip, or a reason the file is not text. */
	public record Guess(Charset charset, int bomLength, String notText) {
	}

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252"); //$NON-NLS-1$

	private TextDecoding() {
	}

	/**
	 * @param head     the first bytes of the file (up to 64 KiB)
	 * @param complete whether {@code head} is the whole file (then a truncated UTF-8 sequence at its end is an
	 *                 encoding error rather than a cut)
	 */
	public static Guess guess(byte[] head, int length, boolean complete) {
		if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
			return new Guess(StandardCharsets.UTF_8, 3, null);
		}
		if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return new Guess(StandardCharsets.UTF_16BE, 2, null);
		}
		if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return new Guess(StandardCharsets.UTF_16LE, 2, null);
		}
		int evenZeros = 0, oddZeros = 0, control = 0;
		for (int i = 0; i < length; i++) {
			int b = head[i] & 0xFF;
			if (b == 0) {
				if (i % 2 == 0) {
					evenZeros++;
				} else {
					oddZeros++;
				}
			} else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				control++;
			}
		}
		int pairs = length / 2;
		if (pairs > 0 && oddZeros > pairs * 0.6 && evenZeros == 0) {
			return new Guess(StandardCharsets.UTF_16LE, 0, null);
		}
		if (pairs > 0 && evenZeros > pairs * 0.6 && oddZeros == 0) {
			return new Guess(StandardCharsets.UTF_16BE, 0, null);
		}
		if (evenZeros + oddZeros > 0 || control > Math.max(8, length / 100)) {
			return new Guess(null, 0, "this is a binary file, not a bibliography (it contains " //$NON-NLS-1$
					+ (evenZeros + oddZeros > 0 ? "zero bytes" : "many control characters") + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		int checked = complete ? length : trimIncompleteUtf8(head, length);
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, checked));
			return new Guess(StandardCharsets.UTF_8, 0, null);
		} catch (CharacterCodingException e) {
			return new Guess(WINDOWS_1252, 0, null);
		}
	}

	/** Drops a UTF-8 sequence cut by the end of a partial read. */
	private static int trimIncompleteUtf8(byte[] b, int length) {
		int i = length;
		for (int k = 0; k < 3 && i > 0; k++) {
			int c = b[i - 1] & 0xFF;
			if (c < 0x80) {
				return length;
			}
			i--;
			if (c >= 0xC0) {
				return i;
			}
		}
		return length;
	}
}
