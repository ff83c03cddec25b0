package org.scriptorium.search;

import java.util.List;

/**
 * A paper related to another one.
 *
 * @param paperId the related paper
 * @param title   its title
 * @param score   the merged score (reciprocal-rank fusion of the evidence lists)
 * @param reasons the evidence, e.g. "co-cited (Salton 0.71)", "shares references (Adamic/Adar 1.44)", "similar text"
 */
public record RelatedPaper(String paperId, String title, double score, List<String> reasons) {
}
