package io.github.relayai.error;

/**
 * A gateway queue is full ({@link ErrorCategory#QUEUE_FULL}).
 */
public class QueueFullException extends TransientRelayException {

	public QueueFullException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
