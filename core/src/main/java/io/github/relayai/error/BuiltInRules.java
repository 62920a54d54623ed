package io.github.relayai.error;

import static io.github.relayai.error.ErrorCategory.AUTHENTICATION;
import static io.github.relayai.error.ErrorCategory.CONTENT_FILTERED;
import static io.github.relayai.error.ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
import static io.github.relayai.error.ErrorCategory.INSUFFICIENT_QUOTA;
import static io.github.relayai.error.ErrorCategory.INVALID_REQUEST;
import static io.github.relayai.error.ErrorCategory.MODEL_NOT_FOUND;
import static io.github.relayai.error.ErrorCategory.NON_CHAT_MODEL;
import static io.github.relayai.error.ErrorCategory.PERMISSION_DENIED;
import static io.github.relayai.error.ErrorCategory.QUEUE_FULL;
import static io.github.relayai.error.ErrorCategory.RATE_LIMITED;
import static io.github.relayai.error.ErrorCategory.SERVER_ERROR;
import static io.github.relayai.error.ErrorCategory.TIMEOUT;
import static io.github.relayai.error.ErrorCategory.UNAVAILABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Relay's own rules, in the order they are tried: specific error codes and types first,
 * then the message text, then the HTTP status. Generic codes
 * ({@code invalid_request_error}) and rebranded types ({@code one_api_error},
 * {@code new_api_error}...) are deliberately absent: they say nothing.
 */
final class BuiltInRules {

	static final List<ErrorRule> RULES = build();

	private BuiltInRules() {
	}

	private static List<ErrorRule> build() {
		List<ErrorRule> rules = new ArrayList<>();
		// 1. Specific codes and types. Quota first: relays send "upstream saturated, try
		// later" with a quota type.
		codes(rules, INSUFFICIENT_QUOTA, "insufficient_quota", "insufficient_user_quota", "insufficient_credits",
				"insufficient_balance", "quota_exceeded");
		types(rules, INSUFFICIENT_QUOTA, "insufficient_quota");
		codes(rules, QUEUE_FULL, "queue_full");
		codes(rules, MODEL_NOT_FOUND, "model_not_found", "model_not_available", "dedicated_endpoint_not_running",
				"DeploymentNotFound");
		types(rules, MODEL_NOT_FOUND, "not_found_error", "NOT_FOUND", "invalid_model");
		codes(rules, CONTEXT_LENGTH_EXCEEDED, "context_length_exceeded", "string_above_max_length");
		types(rules, CONTEXT_LENGTH_EXCEEDED, "exceed_context_size_error", "request_too_large");
		codes(rules, CONTENT_FILTERED, "content_filter", "content_policy_violation");
		codes(rules, AUTHENTICATION, "invalid_api_key", "invalid_authentication", "token_expired");
		types(rules, AUTHENTICATION, "authentication_error", "UNAUTHENTICATED");
		types(rules, PERMISSION_DENIED, "permission_error", "PERMISSION_DENIED");
		codes(rules, INVALID_REQUEST, "unsupported_value", "unsupported_parameter", "invalid_value");
		codes(rules, RATE_LIMITED, "rate_limit_exceeded");
		types(rules, RATE_LIMITED, "rate_limit_error", "rate_limit_exceeded", "RESOURCE_EXHAUSTED", "throttling_error");
		types(rules, UNAVAILABLE, "overloaded_error", "unavailable_error", "UNAVAILABLE", "cf_bad_gateway",
				"cf_service_unavailable");
		codes(rules, UNAVAILABLE, "get_channel_failed");
		types(rules, TIMEOUT, "cf_gateway_timeout", "DEADLINE_EXCEEDED");
		types(rules, SERVER_ERROR, "server_error", "INTERNAL");
		codes(rules, SERVER_ERROR, "server_error");
		// 2. The message text.
		message(rules, NON_CHAT_MODEL,
				"not a chat model|only supported in v1/responses|not supported in the v1/chat/completions endpoint");
		message(rules, INVALID_REQUEST, "this is a chat model and not supported|invalid url");
		message(rules, INSUFFICIENT_QUOTA,
				"insufficient[ _](?:balance|credits?|quota|funds)|exceeded your current quota|quota is not enough"
						+ "|quota exceeded|credit balance is too low|requires more credits|can only afford"
						+ "|额度不足|额度已用尽|余额不足|欠费");
		message(rules, QUEUE_FULL, "queue (?:is )?full|queue_full|队列已满");
		message(rules, CONTEXT_LENGTH_EXCEEDED,
				"maximum context length|context[_ ]length|context size|context window|prompt is too long"
						+ "|too many tokens|reduce the length of the (?:messages|input)|上下文长度");
		message(rules, MODEL_NOT_FOUND,
				"model\\b.{0,120}(?:does not exist|not found|not exist)|no such model|unknown model"
						+ "|is not a valid model|unable to access (?:non-serverless )?model|model_not_found"
						+ "|no available channel for model|无可用渠道|没有\\s*worker\\s*支持模型|模型不存在");
		message(rules, AUTHENTICATION,
				"incorrect api key|invalid api[ _-]?key|api key not valid|invalid x-api-key|invalid authentication"
						+ "|authentication fail|no auth credentials|unauthori[sz]ed|invalid token"
						+ "|token (?:is )?(?:invalid|expired)|access denied due to invalid subscription key"
						+ "|无效的令牌|令牌已过期|令牌已被禁用|令牌状态不可用|未提供令牌");
		message(rules, PERMISSION_DENIED, "permission denied|not allowed to (?:use|access)|forbidden|无权");
		message(rules, CONTENT_FILTERED,
				"content management policy|content[ _]filter|content[ _]policy|safety system|flagged|moderation"
						+ "|内容审核|敏感");
		message(rules, RATE_LIMITED,
				"rate[ _-]?limit|too many requests|resource has been exhausted|resource exhausted|tokens per min"
						+ "|requests per min|throttl|负载已饱和|请求过于频繁|请求频率");
		message(rules, UNAVAILABLE,
				"overloaded|loading model|service unavailable|temporarily unavailable|bad gateway|too busy"
						+ "|no available (?:provider|server)|服务不可用|繁忙");
		message(rules, TIMEOUT, "time-?out|timed out|deadline exceeded|超时");
		message(rules, SERVER_ERROR, "internal server error|server had an error|internal error|服务器内部错误");
		// 3. The HTTP status (or, for in-band errors, the status the body states).
		status(rules, INVALID_REQUEST, 400, 405, 409, 415, 422);
		status(rules, AUTHENTICATION, 401);
		status(rules, INSUFFICIENT_QUOTA, 402);
		status(rules, PERMISSION_DENIED, 403);
		status(rules, MODEL_NOT_FOUND, 404);
		status(rules, TIMEOUT, 408, 504, 522, 524);
		status(rules, CONTEXT_LENGTH_EXCEEDED, 413);
		status(rules, RATE_LIMITED, 429);
		status(rules, UNAVAILABLE, 502, 503, 521, 523, 529);
		return List.copyOf(rules);
	}

	private static void codes(List<ErrorRule> rules, ErrorCategory category, String... codes) {
		for (String code : codes) {
			rules.add(new ErrorRule(null, code, null, null, category, null));
		}
	}

	private static void types(List<ErrorRule> rules, ErrorCategory category, String... types) {
		for (String type : types) {
			rules.add(new ErrorRule(null, null, type, null, category, null));
		}
	}

	private static void message(List<ErrorRule> rules, ErrorCategory category, String regex) {
		rules.add(new ErrorRule(null, null, null, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), category, null));
	}

	private static void status(List<ErrorRule> rules, ErrorCategory category, int... statuses) {
		for (int status : statuses) {
			rules.add(new ErrorRule(status, null, null, null, category, null));
		}
	}

	/**
	 * The category of a status no rule names: other 4xx are invalid requests, other 5xx
	 * server errors.
	 */
	static ErrorCategory byStatusClass(int status) {
		if (status >= 500 && status <= 599) {
			return SERVER_ERROR;
		}
		return (status >= 400 && status <= 499) ? INVALID_REQUEST : ErrorCategory.UNKNOWN;
	}

}
