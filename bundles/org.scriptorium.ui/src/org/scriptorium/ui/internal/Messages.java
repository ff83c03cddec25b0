package org.scriptorium.ui.internal;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of the Scriptorium UI. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.ui.internal.messages"; //$NON-NLS-1$

	public static String Preferences_retrieval;
	public static String Preferences_denseModels;
	public static String Preferences_denseModelsHint;
	public static String SearchPage_retrieval;
	public static String Retrieval_lexical;
	public static String Retrieval_dense;
	public static String Retrieval_rrf;
	public static String Retrieval_convex;
	public static String Explain_firstStage;
	public static String SearchQuery_problem;
	public static String PapersView_queryProblem;
	public static String PapersView_filterMessage;
	public static String PapersView_columnTitle;
	public static String PapersView_columnAuthors;
	public static String PapersView_columnYear;
	public static String PapersView_columnVenue;
	public static String PapersView_loading;
	public static String PapersView_loadJob;
	public static String PapersView_filterJob;
	public static String PapersView_queryError;
	public static String PapersView_searchFailed;
	public static String SearchResult_label;
	public static String SearchResult_error;
	public static String SearchResult_searching;
	public static String SearchResult_columnRank;
	public static String SearchResult_columnTitle;
	public static String SearchResult_columnYear;
	public static String SearchResult_columnScore;
	public static String SearchResult_columnSnippet;
	public static String SearchFacets_year;
	public static String SearchFacets_venue;
	public static String SearchFacets_author;
	public static String SearchFacets_entry;
	public static String SearchFacets_tooltip;
	public static String SearchQuery_running;
	public static String SearchQuery_syntax;
	public static String SearchQuery_failed;
	public static String SearchQuery_label;
	public static String SearchPage_query;
	public static String SearchPage_syntax;
	public static String SearchPage_fields;
	public static String SearchPage_title;
	public static String SearchPage_abstract;
	public static String SearchPage_authors;
	public static String SearchPage_venue;
	public static String SearchPage_yearFrom;
	public static String SearchPage_yearTo;
	public static String SearchPage_ranking;
	public static String SearchPage_bm25;
	public static String SearchPage_citationAware;
	public static String SearchPage_badYear;
	public static String Properties_paper;
	public static String Properties_abstract;
	public static String Properties_keywords;
	public static String Properties_urls;
	public static String Properties_bibliographic;
	public static String Properties_type;
	public static String Properties_incomplete;
	public static String Properties_references;
	public static String Properties_referenceOnly;
	public static String Properties_id;
	public static String Properties_sources;
	public static String Explain_rank;
	public static String Explain_text;
	public static String Explain_field;
	public static String Explain_prior;
	public static String Explain_graph;
	public static String Preferences_badNumber;
	public static String Preferences_description;
	public static String Preferences_defaultCorpus;
	public static String Preferences_indexLocation;
	public static String Preferences_indexHint;
	public static String Preferences_saveFailed;
	public static String Preferences_rebuild;
	public static String Preferences_searchDescription;
	public static String Preferences_ranker;
	public static String Preferences_k1;
	public static String Preferences_b;
	public static String Preferences_multifield;
	public static String Preferences_titleWeight;
	public static String Preferences_abstractWeight;
	public static String Preferences_priorWeight;
	public static String Preferences_graphWeight;
	public static String PapersView_defaultCorpus;
	public static String PapersView_count;
	public static String PapersView_hiddenMatches;
	public static String PapersView_countLexical;
	public static String PapersView_loadFailed;
	public static String PapersView_noSelection;
	public static String PapersView_authors;
	public static String PapersView_year;
	public static String PapersView_venue;
	public static String PapersView_ids;
	public static String PapersView_citeKey;
	public static String PapersView_openPage;
	public static String PapersView_copyTitle;
	public static String PapersView_sources;
	public static String PapersView_openFailed;
	public static String PapersView_noAbstract;
	public static String PapersView_noAbstractImported;
	public static String PapersView_type;
	public static String PapersView_incomplete;
	public static String PapersView_untitled;
	public static String PapersView_unknown;
	public static String PapersView_showReferenceOnly;
	public static String PapersView_columnCitedBy;
	public static String PapersView_columnIds;
	public static String PapersView_tabDetails;
	public static String PapersView_tabReferences;
	public static String PapersView_tabCitedBy;
	public static String PapersView_tabRelated;
	public static String PapersView_tabPath;
	public static String PapersView_openCorpusFile;
	public static String PapersView_showDefaultCorpus;
	public static String PapersView_corpusFileFailed;
	public static String PapersView_relatedJob;
	public static String PapersView_columns;
	public static String PapersView_findPath;
	public static String PapersView_findPathTitle;
	public static String PapersView_findPathMessage;
	public static String PapersView_noPath;
	public static String PapersView_back;
	public static String PapersView_forward;
	public static String PapersView_showReferenceOnlyTooltip;

	// Papers view editing and the citation neighbourhood
	public static String PapersView_undoContext;
	public static String PapersView_addToCorpus;
	public static String PapersView_addToCorpusTitle;
	public static String PapersView_addToCorpusMessage;
	public static String PapersView_noCorpusFile;
	public static String PapersView_delete;
	public static String PapersView_merge;
	public static String Neighbourhood_references;
	public static String Neighbourhood_citedBy;
	public static String Neighbourhood_coCited;
	public static String Neighbourhood_coupled;
	public static String Neighbourhood_none;
	public static String Neighbourhood_of;
	public static String Neighbourhood_job;
	public static String Neighbourhood_more;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
