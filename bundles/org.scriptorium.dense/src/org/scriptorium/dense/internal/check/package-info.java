/**
 * The check that the bundled embedding models load and embed on this machine (ONNX Runtime's and the tokenizer's
 * native libraries included): {@link org.scriptorium.dense.internal.check.ModelCheck} on a plain class path
 * ({@code ./scriptorium dense-check}) and {@link org.scriptorium.dense.internal.check.CheckApplication}, the headless
 * Eclipse application {@code org.scriptorium.dense.check} the install test runs in an installed Eclipse.
 */
package org.scriptorium.dense.internal.check;
