package org.scriptorium.dense.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.scriptorium.search.ProgressMonitor;
import org.scriptorium.search.TextEncoder;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * A LangChain4j in-process model (ONNX Runtime + Hugging Face tokenizer), loaded on first use. Documents are embedded
 * in batches of {@link #BATCH}; LangChain4j spreads a batch over a pool with one thread per core. Texts longer than
 * the model's 510-token window are split and their pieces' vectors averaged (LangChain4j's behaviour), and every
 * vector has unit length, so the dot product is the cosine.
 * <p>
 * Inside OSGi each library is its own bundle, and LangChain4j reads the ONNX file and DJL reads its native
 * tokenizer through the thread's context class loader; while the model class initialises, that loader is one that
 * sees the model's, the tokenizer's and ONNX Runtime's resources.
 */
public final class OnnxEncoder implements TextEncoder {

	/** Documents per batch: between two batches the monitor is asked about cancellation. */
	public static final int BATCH = 32;

	private static final ExecutorService POOL = Executors.newFixedThreadPool(
			Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
				Thread t = new Thread(r, "Scriptorium embedding"); //$NON-NLS-1$
				t.setDaemon(true);
				return t;
			});

	private final ModelSpec spec;
	private volatile EmbeddingModel model;

	public OnnxEncoder(ModelSpec spec) {
		this.spec = spec;
	}

	public ModelSpec spec() {
		return spec;
	}

	@Override
	public String id() {
		return spec.id();
	}

	@Override
	public String label() {
		return spec.label();
	}

	@Override
	public int dimension() {
		return spec.dimension();
	}

	@Override
	public float[] encodeQuery(String query) throws IOException {
		return embed(List.of(spec.queryPrefix() + query)).get(0);
	}

	@Override
	public List<float[]> encodeDocuments(List<String> texts, ProgressMonitor monitor) throws IOException {
		List<float[]> out = new ArrayList<>(texts.size());
		for (int from = 0; from < texts.size(); from += BATCH) {
			if (monitor.isCanceled()) {
				throw new CancellationException();
			}
			List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
			out.addAll(embed(batch));
			monitor.worked(batch.size());
		}
		return out;
	}

	private List<float[]> embed(List<String> texts) throws IOException {
		EmbeddingModel m = load();
		List<TextSegment> segments = new ArrayList<>(texts.size());
		for (String t : texts) {
			// LangChain4j refuses blank text; a paper without title and abstract still gets a (meaningless) vector
			segments.add(TextSegment.from(t.isBlank() ? "-" : t)); //$NON-NLS-1$
		}
		try {
			List<Embedding> embeddings = m.embedAll(segments).content();
			List<float[]> out = new ArrayList<>(embeddings.size());
			for (Embedding e : embeddings) {
				out.add(e.vector());
			}
			return out;
		} catch (RuntimeException e) {
			throw new IOException("The embedding model " + spec.label() + " failed: " + e.getMessage(), e); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}

	/** Loads the model (about a second; the first model also extracts and loads the native libraries). */
	public EmbeddingModel load() throws IOException {
		EmbeddingModel m = model;
		if (m != null) {
			return m;
		}
		synchronized (this) {
			if (model == null) {
				model = create();
			}
			return model;
		}
	}

	private EmbeddingModel create() throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try {
			Class<?> c = Class.forName(spec.modelClass(), false, OnnxEncoder.class.getClassLoader());
			thread.setContextClassLoader(new Resources(c.getClassLoader(), HuggingFaceTokenizer.class.getClassLoader(),
					OrtEnvironment.class.getClassLoader()));
			Object instance = c.getConstructor(java.util.concurrent.Executor.class).newInstance(POOL);
			return (EmbeddingModel) instance;
		} catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
			Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
					? ite.getCause()
					: e;
			if (cause instanceof ExceptionInInitializerError eiie && eiie.getCause() != null) {
				cause = eiie.getCause();
			}
			throw new IOException("The embedding model " + spec.label() + " could not be loaded (" //$NON-NLS-1$ //$NON-NLS-2$
					+ cause.getClass().getSimpleName() + ": " + cause.getMessage() //$NON-NLS-1$
					+ "). Its ONNX Runtime or tokenizer native library may not support this platform.", cause); //$NON-NLS-1$
		} finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** A class loader that only finds resources, in several loaders. */
	private static final class Resources extends ClassLoader {
		private final ClassLoader[] loaders;

		Resources(ClassLoader... loaders) {
			super(loaders[0]);
			this.loaders = loaders;
		}

		@Override
		public URL getResource(String name) {
			for (ClassLoader l : loaders) {
				URL u = l == null ? null : l.getResource(name);
				if (u != null) {
					return u;
				}
			}
			return null;
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			Set<URL> all = new LinkedHashSet<>();
			for (ClassLoader l : loaders) {
				if (l != null) {
					all.addAll(Collections.list(l.getResources(name)));
				}
			}
			return Collections.enumeration(all);
		}
	}
}
