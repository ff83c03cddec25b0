/** The paper model: papers, authors, identifiers and corpora. */
package org.scriptorium.core.model;
