package io.github.relayai.error;

/**
 * The gateway or its upstream failed internally ({@link ErrorCategory#SERVER_ERROR}).
 */
public class ServerErrorException extends TransientRelayException {

	public ServerErrorException(ProviderError error, Throwable cause) {
		super(error, cause);
	}

}
