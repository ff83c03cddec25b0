package org.scriptorium.sandbox.ui.internal.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ICharacterScanner;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WhitespaceRule;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.jface.resource.JFaceResources;

/**
 * Colours of experiment files in the Generic Editor: keys, strings, numbers and the literals {@code true},
 * {@code false}, {@code null} each in their own colour (from the editor's colour registry, so a theme may change
 * them).
 */
public final class ExperimentPresentationReconciler extends PresentationReconciler {

	/** The colours, as registered in JFace's colour registry under these keys. */
	public static final String KEY_COLOR = "org.scriptorium.sandbox.ui.editor.key"; //$NON-NLS-1$
	public static final String STRING_COLOR = "org.scriptorium.sandbox.ui.editor.string"; //$NON-NLS-1$
	public static final String NUMBER_COLOR = "org.scriptorium.sandbox.ui.editor.number"; //$NON-NLS-1$
	public static final String LITERAL_COLOR = "org.scriptorium.sandbox.ui.editor.literal"; //$NON-NLS-1$

	public ExperimentPresentationReconciler() {
		var colors = JFaceResources.getColorRegistry();
		if (!colors.hasValueFor(KEY_COLOR)) {
			colors.put(KEY_COLOR, new RGB(0x7F, 0x00, 0x55));
			colors.put(STRING_COLOR, new RGB(0x2A, 0x00, 0xFF));
			colors.put(NUMBER_COLOR, new RGB(0x11, 0x77, 0x00));
			colors.put(LITERAL_COLOR, new RGB(0x99, 0x44, 0x00));
		}
		IToken key = new Token(new TextAttribute(colors.get(KEY_COLOR), null, SWT.BOLD));
		IToken string = new Token(new TextAttribute(colors.get(STRING_COLOR)));
		IToken number = new Token(new TextAttribute(colors.get(NUMBER_COLOR)));
		IToken literal = new Token(new TextAttribute(colors.get(LITERAL_COLOR), null, SWT.BOLD));
		RuleBasedScanner scanner = new RuleBasedScanner();
		WordRule literals = new WordRule(new IWordDetector() {
			@Override
			public boolean isWordStart(char c) {
				return Character.isLetter(c);
			}

			@Override
			public boolean isWordPart(char c) {
				return Character.isLetter(c);
			}
		});
		literals.addWord("true", literal); //$NON-NLS-1$
		literals.addWord("false", literal); //$NON-NLS-1$
		literals.addWord("null", literal); //$NON-NLS-1$
		scanner.setRules(new IRule[]{new StringRule(key, string), new NumberRule(number), literals,
				new WhitespaceRule(Character::isWhitespace)});
		DefaultDamagerRepairer dr = new DefaultDamagerRepairer(scanner);
		setDamager(dr, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(dr, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/** A JSON string: a key if a colon follows it (after blanks), else a string value. */
	private static final class StringRule implements IRule {

		private final IToken key;
		private final IToken string;

		StringRule(IToken key, IToken string) {
			this.key = key;
			this.string = string;
		}

		@Override
		public IToken evaluate(ICharacterScanner scanner) {
			int c = scanner.read();
			if (c != '"') {
				scanner.unread();
				return Token.UNDEFINED;
			}
			while (true) {
				c = scanner.read();
				if (c == ICharacterScanner.EOF || c == '\n' || c == '\r') {
					break; // an unterminated string ends with its line
				}
				if (c == '\\') {
					scanner.read();
				} else if (c == '"') {
					break;
				}
			}
			// look ahead for a colon without consuming
			int ahead = 0;
			int next;
			do {
				next = scanner.read();
				ahead++;
			} while (next == ' ' || next == '\t');
			for (int i = 0; i < ahead; i++) {
				scanner.unread();
			}
			return next == ':' ? key : string;
		}
	}
}
