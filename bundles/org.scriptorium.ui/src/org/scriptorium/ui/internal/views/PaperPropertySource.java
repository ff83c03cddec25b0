package org.scriptorium.ui.internal.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.scriptorium.core.model.Paper;
import org.scriptorium.ui.internal.Messages;

/** Shows a paper in the Properties view: its fields, identifiers and the sources of its fields (read-only). */
final class PaperPropertySource implements IPropertySource {

	private final Map<String, String> values = new LinkedHashMap<>();
	private final Map<String, String> categories = new LinkedHashMap<>();

	PaperPropertySource(Paper paper) {
		String fields = Messages.Properties_paper;
		put(fields, Messages.PapersView_columnTitle, paper.title());
		put(fields, Messages.PapersView_columnAuthors, paper.authorsDisplay());
		put(fields, Messages.PapersView_columnYear, paper.year().map(String::valueOf).orElse("")); //$NON-NLS-1$
		put(fields, Messages.PapersView_columnVenue, paper.venue().orElse("")); //$NON-NLS-1$
		put(fields, Messages.Properties_abstract, paper.abstractText().orElse("")); //$NON-NLS-1$
		put(fields, Messages.Properties_keywords, String.join(", ", paper.keywords())); //$NON-NLS-1$
		put(fields, Messages.Properties_urls, String.join(" ", paper.urls())); //$NON-NLS-1$
		put(fields, Messages.Properties_references, String.valueOf(paper.references().size()));
		put(fields, Messages.Properties_referenceOnly, String.valueOf(paper.isReferenceOnly()));
		String bib = Messages.Properties_bibliographic;
		paper.type().ifPresent(t -> put(bib, Messages.Properties_type, t));
		if (paper.isIncomplete()) {
			put(bib, Messages.Properties_incomplete, String.valueOf(true));
		}
		paper.names().forEach((role, names) -> put(bib, role, String.join(", ", //$NON-NLS-1$
				names.stream().map(org.scriptorium.core.model.Author::displayName).toList())));
		paper.fields().forEach((name, value) -> put(bib, name, value));
		String ids = Messages.PapersView_columnIds;
		put(ids, Messages.Properties_id, paper.id());
		paper.ids().asMap().forEach((k, v) -> put(ids, k, v));
		String sources = Messages.Properties_sources;
		paper.provenance().forEach((field, p) -> put(sources, field, p.toString()));
	}

	private void put(String category, String name, String value) {
		String key = category + '/' + name;
		values.put(key, value);
		categories.put(key, category);
	}

	@Override
	public Object getEditableValue() {
		return null;
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IPropertyDescriptor> out = new ArrayList<>();
		for (String key : values.keySet()) {
			PropertyDescriptor d = new PropertyDescriptor(key, key.substring(key.indexOf('/') + 1));
			d.setCategory(categories.get(key));
			out.add(d);
		}
		return out.toArray(IPropertyDescriptor[]::new);
	}

	@Override
	public Object getPropertyValue(Object id) {
		return values.get(id);
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {
		// read-only
	}

	@Override
	public void setPropertyValue(Object id, Object value) {
		// read-only
	}
}
