package org.scriptorium.sandbox.internal.data;

/**
 * A generated split: rows are examples, grouped in consecutive same-domain sequences of fixed length.
 *
 * @param x          features (continuous part + token embedding)
 * @param label      class label
 * @param domain     domain of the example (for hard examples: the first of the two mixed domains)
 * @param difficulty 0 easy, 1 medium, 2 hard (for analysis only; never an input)
 * @param tokenId    token id
 * @param sequence   sequence index of the row
 * @param sequenceLength rows per sequence
 */
public record Dataset(double[][] x, int[] label, int[] domain, int[] difficulty, int[] tokenId, int[] sequence,
		int sequenceLength) {

	public static final String[] DIFFICULTIES = {"easy", "medium", "hard"};

	public int size() {
		return label.length;
	}

	public int sequences() {
		return size() / sequenceLength;
	}
}
