package org.scriptorium.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV writer: which fields it quotes and how, rows, and numbers. */
class CsvTest {

	@Test
	void quotesOnlyWhatRfc4180Requires() {
		assertEquals("top-k", Csv.field("top-k")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("", Csv.field("")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("", Csv.field(null)); //$NON-NLS-1$
		assertEquals("it's; fine", Csv.field("it's; fine")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"a,b\"", Csv.field("a,b")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\"")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"two\nlines\"", Csv.field("two\nlines")); //$NON-NLS-1$ //$NON-NLS-2$
		assertEquals("\"cr\rhere\"", Csv.field("cr\rhere")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Test
	void rowsJoinQuotedFieldsWithCommas() {
		assertEquals("p0000-s1,7,\"strategy.k=2, loss=none\",", //$NON-NLS-1$
				Csv.row(Arrays.asList("p0000-s1", "7", "strategy.k=2, loss=none", null))); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		assertEquals("", Csv.row(List.of())); //$NON-NLS-1$
	}

	@Test
	void decimalsHaveFourPlacesAndADotAndNaNIsEmpty() {
		assertEquals("0.3333", Csv.decimal(1 / 3.0)); //$NON-NLS-1$
		assertEquals("2.5000", Csv.decimal(2.5)); //$NON-NLS-1$
		assertEquals("-0.0001", Csv.decimal(-0.00007)); //$NON-NLS-1$
		assertEquals("", Csv.decimal(Double.NaN)); //$NON-NLS-1$
	}
}
