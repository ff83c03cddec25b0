package org.scriptorium.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, reproducible damage to a file's bytes: truncation, byte flips, deletions, duplication, random Unicode
 * (including broken UTF-8 sequences), re-encoding in the wrong charset, binary garbage, huge fields, the syntax
 * tokens of the formats and line shuffles. {@link #mutate} applies one to three of them; the same seed always gives
 * the same bytes.
 */
final class Mutations {

	/** Syntax of every format, dropped into the input at random. */
	private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\uD800", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$//$NON-NLS-8$//$NON-NLS-9$//$NON-NLS-10$
			"null", //$NON-NLS-1$
			"1e999999", "-0", "[[[[[[[[[[", "{\"a\":", "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "&lt", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$ //$NON-NLS-9$ //$NON-NLS-10$ //$NON-NLS-11$ //$NON-NLS-12$ //$NON-NLS-13$
			"<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
			"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>", //$NON-NLS-1$
			"<!ENTITY e SYSTEM \"file:///etc/passwd\">", //$NON-NLS-1$
			"&e;", "xmlns=\"urn:x\"", "<entry>", "</entry>", "<record>", "</record>", "<title>", "</title>", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$//$NON-NLS-8$
			"@article{", //$NON-NLS-1$
			"@string{a = \"b\"}", "{\\\"o}", "TY  - JOUR\n", "ER  - \n", "AU  - ", "Mar 17\n", "arXiv:2101.03961\n", //$NON-NLS-1$//$NON-NLS-2$//$NON-NLS-3$//$NON-NLS-4$//$NON-NLS-5$//$NON-NLS-6$//$NON-NLS-7$
			"\n", //$NON-NLS-1$
			"\r\n", "\t", "\u0000", "\uFEFF", "\u202E", "\u200B", "\uFFFD", "\uFFFF"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$ //$NON-NLS-8$

	private static final List<Charset> WRONG = List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
			StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"), //$NON-NLS-1$
			StandardCharsets.US_ASCII, Charset.forName("UTF-32")); //$NON-NLS-1$

	/** The names of the operations, for failure messages. */
	static final List<String> NAMES = List.of("truncate", "flip bytes", "delete range", "duplicate range", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
			"random unicode", "wrong encoding", "binary garbage", "huge field", "syntax token", "line shuffle"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$

	private Mutations() {
	}

	/** Applies 1..3 operations; {@code applied} receives their names. */
	static byte[] mutate(byte[] seed, Random r, StringBuilder applied) {
		byte[] b = seed;
		for (int k = 1 + r.nextInt(3); k > 0; k--) {
			int op = r.nextInt(20) == 0 ? 7 : r.nextInt(NAMES.size());
			if (op == 7 && r.nextInt(3) > 0) {
				op = 8; // huge fields cost time: keep them to about one in sixty
			}
			applied.append(applied.length() == 0 ? "" : ", ").append(NAMES.get(op)); //$NON-NLS-1$ //$NON-NLS-2$
			b = apply(op, b, r);
		}
		return b;
	}

	static byte[] apply(int op, byte[] b, Random r) {
		int n = b.length;
		return switch (op) {
			case 0 -> Arrays.copyOf(b, n == 0 ? 0 : r.nextInt(n));
			case 1 -> flip(b, r);
			case 2 -> {
				int from = r.nextInt(n + 1);
				int to = Math.min(n, from + 1 + r.nextInt(r.nextBoolean() ? 8 : 256));
				yield splice(b, from, to, new byte[0]);
			}
			case 3 -> {
				int from = r.nextInt(n + 1);
				int to = Math.min(n, from + 1 + r.nextInt(512));
				yield insert(b, r.nextInt(n + 1), Arrays.copyOfRange(b, from, to));
			}
			case 4 -> insert(b, r.nextInt(n + 1), randomUnicode(r));
			case 5 -> reencode(b, r);
			case 6 -> garbage(b, r);
			case 7 -> hugeField(b, r);
			case 8 ->
				insert(b, r.nextInt(n + 1), TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8));
			default -> shuffleLines(b, r);
		};
	}

	private static byte[] flip(byte[] b, Random r) {
		if (b.length == 0) {
			return b;
		}
		byte[] c = b.clone();
		for (int i = 1 + r.nextInt(8); i > 0; i--) {
			int p = r.nextInt(c.length);
			c[p] = r.nextBoolean() ? (byte) (c[p] ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
		}
		return c;
	}

	private static byte[] splice(byte[] b, int from, int to, byte[] with) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + with.length);
		out.write(b, 0, from);
		out.write(with, 0, with.length);
		out.write(b, to, b.length - to);
		return out.toByteArray();
	}

	private static byte[] insert(byte[] b, int at, byte[] what) {
		return splice(b, at, at, what);
	}

	/** Code points from many scripts, and bytes that are not UTF-8 at all. */
	static byte[] randomUnicode(Random r) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 1 + r.nextInt(12); i > 0; i--) {
			switch (r.nextInt(8)) {
				case 0 -> out.writeBytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // a lone surrogate
				case 1 -> out.writeBytes(new byte[]{(byte) 0xC0, (byte) 0x80}); // an overlong NUL
				case 2 -> out.write(0x80 + r.nextInt(0x40)); // a stray continuation byte
				case 3 -> out.writeBytes(new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}); // above U+10FFFF
				default -> {
					int cp;
					do {
						cp = r.nextInt(4) == 0 ? 0x1F300 + r.nextInt(0x300) : r.nextInt(0x3000);
					} while (Character.getType(cp) == Character.SURROGATE);
					out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		return out.toByteArray();
	}

	/** The same text in another encoding (UTF-16 with or without BOM, Latin-1, ...), or a UTF-8 BOM added. */
	private static byte[] reencode(byte[] b, Random r) {
		String text = new String(b, StandardCharsets.UTF_8);
		int k = r.nextInt(WRONG.size() + 2);
		if (k == WRONG.size()) {
			return insert(b, 0, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
		}
		if (k == WRONG.size() + 1) {
			// UTF-8 read as Latin-1 and written as UTF-8 again (mojibake)
			return new String(b, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
		}
		return text.getBytes(WRONG.get(k));
	}

	private static byte[] garbage(byte[] b, Random r) {
		byte[] g = new byte[r.nextInt(r.nextBoolean() ? 64 : 4096)];
		r.nextBytes(g);
		return switch (r.nextInt(3)) {
			case 0 -> g;
			case 1 -> insert(b, r.nextInt(b.length + 1), g);
			default -> insert(b, b.length, g);
		};
	}

	/** A run of 10 k to 2 M characters inside a value (after a quote, a tag's end or a line break). */
	private static byte[] hugeField(byte[] b, Random r) {
		int at = b.length == 0 ? 0 : r.nextInt(b.length);
		while (at < b.length && b[at] != '"' && b[at] != '>' && b[at] != '\n') {
			at++;
		}
		int size = r.nextInt(4) == 0 ? (1 << 20) + r.nextInt(1 << 20) : 10_000 + r.nextInt(90_000);
		byte[] run = new byte[size];
		Arrays.fill(run, (byte) "xy ".charAt(r.nextInt(3)));
		return insert(b, Math.min(at + 1, b.length), run);
	}

	private static byte[] shuffleLines(byte[] b, Random r) {
		String[] lines = new String(b, StandardCharsets.ISO_8859_1).split("\n", -1); //$NON-NLS-1$
		if (lines.length < 2) {
			return b;
		}
		int i = r.nextInt(lines.length);
		int j = r.nextInt(lines.length);
		switch (r.nextInt(3)) {
			case 0 -> {
				String t = lines[i];
				lines[i] = lines[j];
				lines[j] = t;
			}
			case 1 -> lines[i] = lines[j]; // a line repeated
			default -> lines[i] = ""; // a line removed
		}
		return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1); //$NON-NLS-1$
	}
}
