package io.github.relayai.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.github.relayai.http.SseDecoder.SseEvent;

class SseEventTest {

	private static SseEvent bytes(byte... data) {
		return new SseEvent(null, data, null);
	}

	@Test
	void doneIsRecognisedWithSurroundingWhiteSpaceOnly() {
		assertThat(new SseEvent(null, "[DONE]", null).isDone()).isTrue();
		assertThat(new SseEvent(null, " \t[DONE]\r\n", null).isDone()).isTrue();
		assertThat(new SseEvent(null, "[DONE]x", null).isDone()).isFalse();
		assertThat(new SseEvent(null, "[DONE", null).isDone()).isFalse();
		assertThat(new SseEvent(null, "", null).isDone()).isFalse();
		assertThat(new SseEvent(null, "          [DONE]", null).isDone()).as("16 bytes or more").isFalse();
	}

	@Test
	void jsonIsRecognisedByItsFirstNonBlankByte() {
		assertThat(new SseEvent(null, "  {\"a\":1}", null).isJson()).isTrue();
		assertThat(new SseEvent(null, "\n[1]", null).isJson()).isTrue();
		assertThat(new SseEvent(null, "ping", null).isJson()).isFalse();
		assertThat(new SseEvent(null, "   ", null).isJson()).isFalse();
	}

	@Test
	void dataIsHandedOverAsTheBytesThatArrived() {
		byte[] utf8 = "队列已满".getBytes(StandardCharsets.UTF_8);
		SseEvent event = bytes(utf8);
		String read = event.readData((b, offset, length) -> new String(b, offset, length, StandardCharsets.UTF_8));
		assertThat(read).isEqualTo("队列已满");
		assertThat(event.data()).isEqualTo("队列已满");
		assertThat(event).isEqualTo(new SseEvent(null, "队列已满", null))
			.hasSameHashCodeAs(new SseEvent(null, "队列已满", null));
	}

	@Test
	void textOfInvalidUtf8FailsWhileAGenuineReplacementCharacterPasses() {
		assertThatThrownBy(bytes((byte) 'A', (byte) 0xC3, (byte) 0x28)::data)
			.isInstanceOf(SseParser.SseEncodingException.class)
			.hasMessageContaining("not valid UTF-8");
		assertThat(bytes("A\uFFFDB".getBytes(StandardCharsets.UTF_8)).data()).isEqualTo("A\uFFFDB");
	}

}
