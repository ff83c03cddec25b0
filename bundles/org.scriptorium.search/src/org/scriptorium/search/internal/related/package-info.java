/** Related papers: co-citation, bibliographic coupling and more-like-this, merged by reciprocal rank fusion. */
package org.scriptorium.search.internal.related;
