/** Loading the bundled ONNX models inside OSGi and on a plain class path, batching and cancellation. */
package org.scriptorium.dense.internal;
