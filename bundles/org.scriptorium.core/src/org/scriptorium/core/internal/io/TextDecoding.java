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

	/**
	 * A decoded file: its text, the charset used, and a warning (with the 1-based line and column of the first byte
	 * that is not valid in that charset) or {@code null}.
	 */
	public record Decoded(String text, Charset charset, String warning, int line, int column) {
	}

	private static final java.util.regex.Pattern DECLARED = java.util.regex.Pattern
			.compile("(?m)\\A(?:[ \\t]*\\r?\\n)*%\\s*Encoding:\\s*([A-Za-z0-9._:-]+)"); //$NON-NLS-1$

	/**
	 * Decodes a whole file. With {@code forced} (the user's choice) or a byte order mark or a declaration (JabRef's
	 * {@code % Encoding: X} first line) that charset is used, and bytes not valid in it are replaced by U+FFFD with a
	 * warning. Otherwise UTF-8 is used when the bytes are UTF-8, windows-1252 when no byte sequence is UTF-8 beyond
	 * ASCII (a legacy file), and for a mix (UTF-8 text with stray bytes) UTF-8 with each stray byte read as
	 * windows-1252, with a warning naming the first one. Nothing is decoded twice.
	 */
	public static Decoded decode(byte[] bytes, Guess guess, Charset forced) {
		int from = guess.bomLength();
		Charset cs = forced != null ? forced : guess.bomLength() > 0 ? guess.charset() : null;
		if (cs == null && guess.charset() != null && guess.charset() != StandardCharsets.UTF_8
				&& guess.charset() != WINDOWS_1252) {
			cs = guess.charset(); // UTF-16 without a mark
		}
		if (cs == null) {
			String head = new String(bytes, from, Math.min(bytes.length - from, 4096), StandardCharsets.ISO_8859_1);
			java.util.regex.Matcher m = DECLARED.matcher(head);
			if (m.find() && Charset.isSupported(m.group(1))) {
				cs = Charset.forName(m.group(1));
			}
		}
		if (cs != null) {
			return strict(bytes, from, cs);
		}
		// no declaration: UTF-8, legacy windows-1252, or a mix
		int firstBad = -1;
		int badCount = 0;
		int multibyte = 0;
		for (int i = from; i < bytes.length;) {
			int n = utf8Length(bytes, i);
			if (n < 0) {
				if (firstBad < 0) {
					firstBad = i;
				}
				badCount++;
				i++;
			} else {
				if (n > 1) {
					multibyte++;
				}
				i += n;
			}
		}
		if (firstBad < 0) {
			return new Decoded(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8),
					StandardCharsets.UTF_8, null, 0, 0);
		}
		if (multibyte == 0) {
			return strict(bytes, from, WINDOWS_1252);
		}
		StringBuilder b = new StringBuilder(bytes.length - from);
		for (int i = from; i < bytes.length;) {
			int n = utf8Length(bytes, i);
			if (n < 0) {
				b.append(new String(bytes, i, 1, WINDOWS_1252));
				i++;
			} else {
				b.append(new String(bytes, i, n, StandardCharsets.UTF_8));
				i += n;
			}
		}
		int[] at = position(bytes, from, firstBad, true);
		return new Decoded(b.toString(), StandardCharsets.UTF_8, String.format(java.util.Locale.ROOT,
				"the file is UTF-8 but byte 0x%02X here is not valid UTF-8; it%s read as windows-1252: check the text " //$NON-NLS-1$
						+ "there, or name the file's encoding (--encoding, or the wizard's Encoding)", //$NON-NLS-1$
				bytes[firstBad] & 0xFF, badCount > 1 ? " and " + (badCount - 1) + " more such bytes were" : " was"), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				at[0], at[1]);
	}

	private static Decoded strict(byte[] bytes, int from, Charset cs) {
		var decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16,
				(long) (bytes.length - from) * (long) Math.ceil(decoder.maxCharsPerByte()) + 16));
		int firstBad = -1;
		int badCount = 0;
		while (true) {
			java.nio.charset.CoderResult r = decoder.decode(in, out, true);
			if (r.isUnderflow()) {
				decoder.flush(out);
				break;
			}
			if (r.isOverflow()) {
				java.nio.CharBuffer bigger = java.nio.CharBuffer.allocate(out.capacity() * 2);
				out.flip();
				bigger.put(out);
				out = bigger;
				continue;
			}
			if (firstBad < 0) {
				firstBad = in.position();
			}
			badCount++;
			in.position(in.position() + r.length());
			out.put('\uFFFD');
		}
		out.flip();
		String text = out.toString();
		if (firstBad < 0) {
			return new Decoded(text, cs, null, 0, 0);
		}
		boolean ascii = cs != StandardCharsets.UTF_16BE && cs != StandardCharsets.UTF_16LE
				&& cs != StandardCharsets.UTF_16;
		int[] at = ascii ? position(bytes, from, firstBad, cs == StandardCharsets.UTF_8) : new int[]{0, 0};
		return new Decoded(text, cs, String.format(java.util.Locale.ROOT,
				"byte 0x%02X here is not valid %s; it%s replaced by \uFFFD: name the file's encoding if this is " //$NON-NLS-1$
						+ "not %s (--encoding, or the wizard's Encoding)", //$NON-NLS-1$
				bytes[firstBad] & 0xFF, cs.name(),
				badCount > 1 ? " and " + (badCount - 1) + " more such bytes were" : " was", cs.name()), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				at[0], at[1]);
	}

	/** The 1-based line and column (in characters) of a byte, for ASCII-compatible encodings. */
	private static int[] position(byte[] bytes, int from, int offset, boolean utf8) {
		int line = 1;
		int column = 1;
		for (int i = from; i < offset; i++) {
			int b = bytes[i] & 0xFF;
			if (b == '\n') {
				line++;
				column = 1;
			} else if (!utf8 || (b & 0xC0) != 0x80) {
				column++;
			}
		}
		return new int[]{line, column};
	}

	/** The length of the valid UTF-8 sequence at {@code i}, or -1 if the byte there does not start one. */
	private static int utf8Length(byte[] b, int i) {
		int c = b[i] & 0xFF;
		if (c < 0x80) {
			return 1;
		}
		int n;
		int min;
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
			min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			min = 0x10000;
		} else {
			return -1;
		}
		if (i + n > b.length) {
			return -1;
		}
		int cp = c & (0xFF >> (n + 1));
		for (int k = 1; k < n; k++) {
			int d = b[i + k] & 0xFF;
			if ((d & 0xC0) != 0x80) {
				return -1;
			}
			cp = (cp << 6) | (d & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
			return -1;
		}
		return n;
	}
}
