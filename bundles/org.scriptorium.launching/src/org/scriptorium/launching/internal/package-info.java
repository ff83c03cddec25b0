/** Implementation of the Routing Experiment launch: the delegate, the child command line and its classpath. */
package org.scriptorium.launching.internal;
