package org.scriptorium.ui.internal.papers;

import org.eclipse.osgi.util.NLS;

/** User-visible strings of copying, importing, exporting and editing papers. */
public final class Messages extends NLS {

	private static final String BUNDLE_NAME = "org.scriptorium.ui.internal.papers.messages"; //$NON-NLS-1$

	public static String CorpusFiles_refreshJob;
	public static String Edit_addOne;
	public static String Edit_addMany;
	public static String Edit_deleteOne;
	public static String Edit_deleteMany;
	public static String Edit_merge;
	public static String Edit_notInCorpus;
	public static String Edit_changedMeanwhile;
	public static String Edit_changedSince;
	public static String Edit_failed;
	public static String Export_title;
	public static String Export_pageTitle;
	public static String Export_pageDescription;
	public static String Export_all;
	public static String Export_selection;
	public static String Export_format;
	public static String Export_file;
	public static String Export_browse;
	public static String Export_noFile;
	public static String Export_badFile;
	public static String Export_isFolder;
	public static String Export_job;
	public static String Export_failed;
	public static String Export_columnField;
	public static String Export_columnPapers;
	public static String Export_columnWrittenAs;
	public static String Export_previewLabel;
	public static String Export_previewComputing;
	public static String Export_previewJob;
	public static String Export_previewFailed;
	public static String Export_givenToStyle;
	public static String Export_writtenAsExtra;
	public static String Export_notWritten;
	public static String Export_summaryFormatted;
	public static String Export_summaryFormattedSome;
	public static String Export_summaryAll;
	public static String Export_summaryLost;
	public static String Export_summaryExtra;
	public static String Import_title;
	public static String Import_sourceTitle;
	public static String Import_sourceDescription;
	public static String Import_files;
	public static String Import_addFiles;
	public static String Import_removeFiles;
	public static String Import_format;
	public static String Import_formatDetect;
	public static String Import_formatUnknown;
	public static String Import_encoding;
	public static String Import_encodingDetect;
	public static String Import_encodingTooltip;
	public static String Import_badEncoding;
	public static String Import_target;
	public static String Import_targetTooltip;
	public static String Import_browseWorkspace;
	public static String Import_browseFileSystem;
	public static String Import_browseWorkspaceTitle;
	public static String Import_browseWorkspaceMessage;
	public static String Import_browseFileSystemTitle;
	public static String Import_outsideWorkspace;
	public static String Import_strict;
	public static String Import_noFiles;
	public static String Import_noTarget;
	public static String Import_badTarget;
	public static String Import_noProject;
	public static String Import_noFolder;
	public static String Import_reading;
	public static String Import_notExpectedFormat;
	public static String Import_targetUnreadable;
	public static String Import_previewTitle;
	public static String Import_previewDescription;
	public static String Import_columnWhat;
	public static String Import_columnPaper;
	public static String Import_columnWhere;
	public static String Import_kindError;
	public static String Import_kindSkipped;
	public static String Import_kindWarning;
	public static String Import_kindMerge;
	public static String Import_kindNew;
	public static String Import_mergeExisting;
	public static String Import_mergeImported;
	public static String Import_detected;
	public static String Import_summary;
	public static String Import_summaryRefused;
	public static String Import_refusedShort;
	public static String Import_noPreview;
	public static String Import_previewCancelled;
	public static String Import_failed;
	public static String Import_job;
	public static String Import_refused;
	public static String Import_writeFailed;

	static {
		NLS.initializeMessages(BUNDLE_NAME, Messages.class);
	}

	private Messages() {
	}
}
