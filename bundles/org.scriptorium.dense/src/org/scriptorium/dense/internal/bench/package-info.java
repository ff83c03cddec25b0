/** The dense-retrieval benchmark ({@code ./scriptorium bench dense}) and its raw ONNX Runtime baseline. */
package org.scriptorium.dense.internal.bench;
