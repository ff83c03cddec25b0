package org.scriptorium.ui.internal.views;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.ITextContentDescriber;
import org.scriptorium.core.corpus.JsonlCorpus;

/**
 * The describer of the Scriptorium corpus file content type: a {@code *.jsonl} file is a corpus file when its first
 * line is a corpus header ({@code {"format":"scriptorium-corpus",...}}), so BEIR {@code queries.jsonl} or a run's
 * {@code metrics.jsonl} are not opened as corpora.
 */
public final class CorpusContentDescriber implements ITextContentDescriber {

	/** The longest header line read; a longer first line is not a corpus header. */
	private static final int MAX_HEADER = 4096;

	@Override
	public int describe(InputStream contents, IContentDescription description) throws IOException {
		return describe(new InputStreamReader(contents, StandardCharsets.UTF_8), description);
	}

	@Override
	public int describe(Reader contents, IContentDescription description) throws IOException {
		StringBuilder line = new StringBuilder();
		BufferedReader in = new BufferedReader(contents);
		for (int c = in.read(); c >= 0 && c != '\n' && c != '\r'; c = in.read()) {
			if (line.length() == MAX_HEADER) {
				return INVALID;
			}
			line.append((char) c);
		}
		return JsonlCorpus.isHeader(line.toString()) ? VALID : INVALID;
	}

	@Override
	public QualifiedName[] getSupportedOptions() {
		return new QualifiedName[0];
	}
}
