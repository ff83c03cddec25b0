/** References in JDT's Java editor: classes loaded only where JDT is installed. */
package org.scriptorium.refs.ui.internal.jdt;
