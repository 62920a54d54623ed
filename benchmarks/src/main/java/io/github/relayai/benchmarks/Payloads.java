package io.github.relayai.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answers the stub gateway sends, precomputed once as bytes: a small
 * {@code chat.completion} and a {@code chat.completion.chunk} stream shaped like OpenAI's
 * (role chunk, content chunks, finish chunk, {@code [DONE]}), tool-call free.
 */
public final class Payloads {

	/**
	 * Number of {@code chat.completion.chunk} events in a stream (role + content +
	 * finish).
	 */
	public static final int CHUNKS = 1000;

	/** The text of the small answer. */
	public static final String CALL_TEXT = "Hello! How can I help you today?";

	private static final String[] WORDS = { " the", " quick", " brown", " fox", " jumps", " over", " a", " lazy",
			" dog", ",", " and", " then", " it", " naps", " in", " sun", ".", " Streaming", " tokens", " arrive" };

	/** The whole {@code chat.completion} body. */
	public static final byte[] CALL_BODY = ("{\"id\":\"chatcmpl-BenchCall0000000000000000001\",\"object\":\"chat.completion\","
			+ "\"created\":1741569952,\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
			+ "\"content\":\"" + CALL_TEXT + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
			+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":10,\"total_tokens\":19,"
			+ "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
			+ "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
			+ "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_eb9dce56a8\"}")
		.getBytes(StandardCharsets.UTF_8);

	/** The concatenated text of the stream's content chunks. */
	public static final String STREAM_TEXT;

	/** The events of the stream, each {@code data: ...\n\n}, {@code [DONE]} last. */
	public static final byte[][] STREAM_EVENTS;

	/** All events as one body. */
	public static final byte[] STREAM_BODY;

	static {
		String prefix = "data: {\"id\":\"chatcmpl-BenchStream00000000000000001\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1741569952,\"model\":\"bench-model\",\"service_tier\":\"default\","
				+ "\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":[{\"index\":0,\"delta\":";
		byte[][] events = new byte[CHUNKS + 1][];
		StringBuilder text = new StringBuilder();
		events[0] = (prefix + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,"
				+ "\"finish_reason\":null}]}\n\n")
			.getBytes(StandardCharsets.UTF_8);
		for (int i = 1; i < CHUNKS - 1; i++) {
			String word = WORDS[i % WORDS.length];
			text.append(word);
			events[i] = (prefix + "{\"content\":\"" + word + "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		events[CHUNKS - 1] = (prefix + "{},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n")
			.getBytes(StandardCharsets.UTF_8);
		events[CHUNKS] = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
		STREAM_EVENTS = events;
		STREAM_TEXT = text.toString();
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] event : events) {
			all.writeBytes(event);
		}
		STREAM_BODY = all.toByteArray();
	}

	private Payloads() {
	}

}
