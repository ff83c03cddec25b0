package org.scriptorium.dense.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * The baseline of the embedding benchmark (org.scriptorium.bench) and the reference the encoder tests compare the
 * bundled path with: the same ONNX file and tokenizer.json as the bundled model, run directly
 * by ONNX Runtime one padded batch at a time (texts truncated to 512 tokens; pooling and normalisation as the model
 * wants). This is the least work a Java program can do to get these vectors.
 */
public final class RawOnnx implements AutoCloseable {

	private final ModelSpec spec;
	private final OrtEnvironment env;
	private final OrtSession session;
	private final HuggingFaceTokenizer tokenizer;

	public RawOnnx(ModelSpec spec) throws IOException {
		this.spec = spec;
		Thread t = Thread.currentThread();
		ClassLoader previous = t.getContextClassLoader();
		try {
			ClassLoader model = Class.forName(spec.modelClass(), false, RawOnnx.class.getClassLoader())
					.getClassLoader();
			byte[] onnx;
			try (InputStream in = model.getResourceAsStream(spec.onnxFile())) {
				onnx = in.readAllBytes();
			}
			t.setContextClassLoader(HuggingFaceTokenizer.class.getClassLoader());
			try (InputStream in = model.getResourceAsStream(spec.tokenizer())) {
				tokenizer = HuggingFaceTokenizer.newInstance(in,
						Map.of("padding", "false", "truncation", "true", "maxLength", "512")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
			}
			env = OrtEnvironment.getEnvironment();
			session = env.createSession(onnx, new OrtSession.SessionOptions());
		} catch (ClassNotFoundException | OrtException e) {
			throw new IOException("cannot load " + spec.label() + ": " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		} finally {
			t.setContextClassLoader(previous);
		}
	}

	/** Unit vectors of one batch. */
	public float[][] embed(List<String> texts) throws IOException {
		Encoding[] enc = tokenizer.batchEncode(texts);
		int len = 0;
		for (Encoding e : enc) {
			len = Math.max(len, e.getIds().length);
		}
		int n = enc.length;
		long[] ids = new long[n * len], mask = new long[n * len], types = new long[n * len];
		for (int i = 0; i < n; i++) {
			long[] a = enc[i].getIds();
			System.arraycopy(a, 0, ids, i * len, a.length);
			for (int j = 0; j < a.length; j++) {
				mask[i * len + j] = 1;
			}
		}
		long[] shape = {n, len};
		try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
				OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
				OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
			Map<String, OnnxTensor> inputs = new HashMap<>();
			for (String name : session.getInputNames()) {
				inputs.put(name, name.contains("mask") ? tMask : name.contains("type") ? tTypes : tIds); //$NON-NLS-1$ //$NON-NLS-2$
			}
			try (OrtSession.Result r = session.run(inputs)) {
				float[][][] hidden = (float[][][]) r.get(0).getValue();
				float[][] out = new float[n][];
				for (int i = 0; i < n; i++) {
					out[i] = pool(hidden[i], enc[i].getIds().length);
				}
				return out;
			}
		} catch (OrtException e) {
			throw new IOException(e.getMessage(), e);
		}
	}

	private float[] pool(float[][] tokens, int length) {
		float[] v = new float[tokens[0].length];
		if (spec.clsPooling()) {
			System.arraycopy(tokens[0], 0, v, 0, v.length);
		} else {
			for (int t = 0; t < length; t++) {
				for (int k = 0; k < v.length; k++) {
					v[k] += tokens[t][k] / length;
				}
			}
		}
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		float inv = (float) (1 / Math.sqrt(norm));
		for (int k = 0; k < v.length; k++) {
			v[k] *= inv;
		}
		return v;
	}

	@Override
	public void close() throws IOException {
		try {
			session.close();
		} catch (OrtException e) {
			throw new IOException(e.getMessage(), e);
		}
		tokenizer.close();
	}
}
