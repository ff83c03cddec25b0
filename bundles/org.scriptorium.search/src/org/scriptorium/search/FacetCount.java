package org.scriptorium.search;

/**
 * A facet value and how many matches carry it.
 *
 * @param value the value, e.g. "2024" or "ACL 2024"
 * @param count the number of matching papers
 */
public record FacetCount(String value, long count) {
}
