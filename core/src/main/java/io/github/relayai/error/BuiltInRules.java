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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay's own rules, in the order they are tried:
 * <ol>
 * <li>signals that outrank any code, type or status: a request larger than a per-minute
 * token limit, a quota or balance that is used up, a key that is invalid or missing, a
 * gateway with no channel for the model in the key's group, capacity words (overloaded,
 * busy, pending);</li>
 * <li>specific error codes and types, of OpenAI and Anthropic, of the relays (one-api,
 * new-api and their forks) and of the Chinese providers (DashScope, Volcengine Ark,
 * Moonshot, Qianfan, Hunyuan...);</li>
 * <li>the message text, in English and Chinese;</li>
 * <li>the HTTP status.</li>
 * </ol>
 * Generic codes ({@code invalid_request_error}) and rebranded types
 * ({@code one_api_error}, {@code new_api_error}...) are deliberately absent: they say
 * nothing.
 */
final class BuiltInRules {

	/** Hint variant of a request that alone exceeds a per-minute token limit. */
	static final String PER_MINUTE = "per-minute";

	/** Hint variant of a relay with no channel for the model in the key's group. */
	static final String GROUP = "group";

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	/** "Limit L[, Used U], Requested R", as OpenAI, Groq and Azure state token limits. */
	private static final Pattern LIMIT_REQUESTED = Pattern
		.compile("\\blimit:?\\s*([\\d,]+)[^.;]{0,40}?\\brequested:?\\s*([\\d,]+)", FLAGS);

	/**
	 * A limit per period or a short wait: a rate limit, even when it says "quota".
	 */
	private static final Pattern WINDOW = Pattern
		.compile("per[ _-]?(?:second|minute|min|hour)\\b|\\b(?:rpm|tpm|rps|qps)\\b|perminute|persecond"
				+ "|(?:retry|try again) in\\s+\\d|retrydelay|每分钟|每秒", FLAGS);

	private static final List<Rule> RULES = build();

	private BuiltInRules() {
	}

	/**
	 * What a failure's signals say.
	 *
	 * @param category the category
	 * @param hintVariant the hint variant for the category, or {@code null}
	 */
	record Verdict(ErrorCategory category, String hintVariant) {
	}

	/**
	 * What an error answer says, as the rules read it.
	 *
	 * @param status the HTTP status, or the status the body states for in-band errors
	 * @param code the error code, or {@code null}
	 * @param type the error type, or {@code null}
	 * @param message the message, or {@code null}
	 */
	record Signals(int status, String code, String type, String message) {
	}

	private record Rule(ErrorCategory category, String hintVariant, Predicate<Signals> test) {
	}

	/**
	 * The first built-in rule that matches.
	 * @param signals what the answer says
	 * @return the verdict, or empty when no rule matches
	 */
	static Optional<Verdict> verdict(Signals signals) {
		return RULES.stream()
			.filter(rule -> rule.test().test(signals))
			.findFirst()
			.map(rule -> new Verdict(rule.category(), rule.hintVariant()));
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

	private static List<Rule> build() {
		List<Rule> rules = new ArrayList<>();
		decisiveSignals(rules);
		codesAndTypes(rules);
		messages(rules);
		statuses(rules);
		return List.copyOf(rules);
	}

	/**
	 * Signals that outrank codes, types and statuses. Quota words and codes give way to a
	 * limit per period or a short wait in the message: that is a rate limit.
	 */
	private static void decisiveSignals(List<Rule> rules) {
		rules.add(new Rule(CONTEXT_LENGTH_EXCEEDED, PER_MINUTE, BuiltInRules::exceedsLimitAlone));
		Pattern usedUp = Pattern
			.compile("insufficient[ _](?:account[ _])?(?:balance|credits?|quota|funds|user[ _]quota)"
					+ "|exceeded your current (?:token )?quota|quota is not enough|quota (?:has been )?(?:exhausted|used up)"
					+ "|balance (?:is )?(?:insufficient|not enough|too low)|credit balance is too low|out of credits"
					+ "|used all (?:of your |available )?credits|spending limit|exceeded (?:the |your |its )?quota"
					+ "|(?:amount|count|quota|balance|credits?) has been exhausted"
					+ "|no credits|requires more credits|can only afford|overdue|arrear|account is in good standing"
					+ "|额度不足|额度已用尽|额度已用完|额度已耗尽|余额不足|余额已用尽|余额已用完|欠费|配额不足|配额已用尽|配额已用完" + "|无可用资源包|预扣费额度失败|额度.{0,12}不足",
					FLAGS);
		rules.add(new Rule(INSUFFICIENT_QUOTA, null, s -> finds(usedUp, s.message()) && !finds(WINDOW, s.message())));
		Pattern quotaCode = Pattern.compile("insufficient_[a-z_]*(?:quota|credits?|balance)|[a-z_]*quota_exceeded"
				+ "|quota_not_enough|exceed_token_quota_limit|pre_consume_token_quota_failed"
				+ "|entitlement_(?:daily|total)_limit_exceeded|arrearage|accountoverdueerror|.*\\.(?:arrears|overdue).*"
				+ "|resourceinsufficient\\..*|.*chargeresourceexhaust.*|allocationquota\\.freetieronly", FLAGS);
		Pattern quotaType = Pattern
			.compile("insufficient_quota|insufficient_balance_error|exceeded_current_quota_error|arrearage", FLAGS);
		rules.add(new Rule(INSUFFICIENT_QUOTA, null,
				s -> (matches(quotaCode, s.code()) || matches(quotaType, s.type())) && !finds(WINDOW, s.message())));
		Pattern badKey = Pattern.compile("incorrect api[ _-]?key|invalid api[ _-]?key|api[ _-]?key (?:is )?(?:not valid"
				+ "|invalid|expired|missing|required|not found)|api[ _-]?key.{0,40}\\bis (?:missing|invalid|not valid|expired)"
				+ "|missing api[ _-]?key|unregistered callers"
				+ "|no api[ _-]?key|invalid x-api-key|invalid authentication|authentication fail|no auth credentials"
				+ "|(?:access|auth(?:orization)?) token (?:is )?(?:invalid|expired|illegal)"
				+ "|无效的令牌|令牌已过期|令牌已被禁用|令牌状态不可用|未提供令牌|身份验证失败|鉴权失败" + "|(?:api[ _-]?key|token).{0,10}(?:无效|错误|不正确|非法)",
				FLAGS);
		rules.add(new Rule(AUTHENTICATION, null, s -> finds(badKey, s.message())));
		Pattern noChannelForGroup = Pattern
			.compile("分组.{0,80}下.{0,10}模型.{0,200}无可用渠道|no available channel for model.{0,200}under group", FLAGS);
		rules.add(new Rule(MODEL_NOT_FOUND, GROUP, s -> finds(noChannelForGroup, s.message())));
		Pattern queue = Pattern.compile("max(?:imum)? (?:number of )?pending requests|too many pending"
				+ "|queue (?:is )?full|queue_full|队列已满|排队.{0,10}(?:已满|过多)", FLAGS);
		rules.add(new Rule(QUEUE_FULL, null, s -> finds(queue, s.message())));
		Pattern capacity = Pattern
			.compile("overload|\\bbusy\\b|at capacity|no (?:free |idle )?slots? available|负载已饱和|繁忙|过载|服务不可用", FLAGS);
		rules.add(new Rule(UNAVAILABLE, null,
				s -> finds(capacity, s.message()) || finds(capacity, s.type()) || finds(capacity, s.code())));
	}

	/** Specific error codes and types. */
	private static void codesAndTypes(List<Rule> rules) {
		code(rules, QUEUE_FULL, "queue_full");
		code(rules, MODEL_NOT_FOUND, "model_not_found|model_not_available|dedicated_endpoint_not_running"
				+ "|deploymentnotfound|model_price_error|invalidendpointormodel(?:\\..*)?|modelnotopen|modelnotfound"
				+ "|invalid_model|resourcenotfound\\.model.*");
		type(rules, MODEL_NOT_FOUND,
				"not_found_error|not_found|invalid_model|resource_not_found_error|model_not_found");
		code(rules, CONTEXT_LENGTH_EXCEEDED, "context_length_exceeded|string_above_max_length|max_tokens_exceeded");
		type(rules, CONTEXT_LENGTH_EXCEEDED, "exceed_context_size_error|request_too_large|context_exceeded");
		code(rules, CONTENT_FILTERED,
				"content_filter|content_policy_violation|sensitive_words_detected|prompt_blocked"
						+ "|violation_fee\\..*|datainspectionfailed|data_inspection_failed|.*sensitivecontentdetected.*"
						+ "|.*contentsecurity.*|.*riskdetection.*|content_sensitive");
		type(rules, CONTENT_FILTERED, "content_filter|data_inspection_failed");
		code(rules, AUTHENTICATION, "invalid_api_key|invalid_authentication|token_expired|invalidapikey"
				+ "|authenticationerror|authfailure(?:\\..*)?|invalid_iam_token|iam_certification_failed");
		type(rules, AUTHENTICATION,
				"authentication_error|unauthenticated|invalid_authentication_error|invalid_api_key");
		code(rules, PERMISSION_DENIED, "access_denied|accessdenied(?:\\..*)?|entitlement_(?:required|inactive)"
				+ "|operationdenied(?:\\..*)?|unauthorizedoperation(?:\\..*)?");
		type(rules, PERMISSION_DENIED, "permission_error|permission_denied|permission_denied_error");
		code(rules, INVALID_REQUEST, "unsupported_value|unsupported_parameter|invalid_value|count_token_failed"
				+ "|convert_request_failed|bad_request_body|read_request_body_failed|invalid_api_type");
		code(rules, RATE_LIMITED,
				"rate_limit_exceeded|token_concurrency_limit_reached|.*rate_?limit.*|throttling(?:\\..*)?"
						+ "|limit_requests|ratelimitexceeded(?:\\..*)?|limitexceeded(?:\\..*)?|requestlimitexceeded.*"
						+ "|.*enginelimitexceeded.*|.*engineserverlimitexceeded.*");
		type(rules, RATE_LIMITED, "rate_limit_error|rate_limit_exceeded|rate_limit_reached_error|resource_exhausted"
				+ "|throttling_error|requests|tokens");
		code(rules, UNAVAILABLE, "get_channel_failed|channel:no_available_key|channel:invalid_key|do_request_failed"
				+ "|token_concurrency_unavailable|serveroverloaded|serviceunavailable(?:\\..*)?|modelloading.*");
		type(rules, UNAVAILABLE, "overloaded_error|engine_overloaded_error|unavailable_error|unavailable|cf_bad_gateway"
				+ "|cf_service_unavailable");
		code(rules, TIMEOUT, "channel:response_time_exceeded|requesttimeout|timeout");
		type(rules, TIMEOUT, "cf_gateway_timeout|deadline_exceeded");
		code(rules, SERVER_ERROR,
				"server_error|empty_response|bad_response|bad_response_body|read_response_body_failed"
						+ "|channel:.*|aws_invoke_error|query_data_error|update_data_error|json_marshal_failed"
						+ "|gen_relay_info_failed|internalerror(?:\\..*)?|internal_error|internalservererror");
		type(rules, SERVER_ERROR, "server_error|internal|api_error|internal_server_error");
	}

	/** The message text. */
	private static void messages(List<Rule> rules) {
		message(rules, NON_CHAT_MODEL,
				"not a chat model|only supported in v1/responses|not supported in the v1/chat/completions endpoint");
		message(rules, INVALID_REQUEST, "this is a chat model and not supported|invalid url");
		outsideWindow(rules, INSUFFICIENT_QUOTA, "quota exceeded|用尽|用完|耗尽");
		outsideWindow(rules, CONTEXT_LENGTH_EXCEEDED,
				"maximum context length|context[_ ]length|context size|context window|prompt is too long"
						+ "|too many tokens|reduce the length of the (?:messages|input)|input length|token limit"
						+ "|tokens? (?:exceed|is too long|too long)|exceeds? (?:the )?max(?:imum)? (?:input|message|prompt)"
						+ "|max_seq_len|max_model_len|prompt_tokens.{0,60}(?:must be less|exceed)"
						+ "|上下文长度|超长|过长|长度超|超出.{0,10}(?:长度|上下文|限制的?token)");
		message(rules, MODEL_NOT_FOUND,
				"model\\b.{0,120}(?:does not exist|not found|not exist)|no such model|unknown model"
						+ "|is not a valid model|unable to access (?:non-serverless )?model|model_not_found"
						+ "|no available channel for model|无可用渠道|没有\\s*worker\\s*支持模型|模型不存在|模型.{0,40}(?:不存在|未开通|未找到)");
		message(rules, AUTHENTICATION, "unauthori[sz]ed|invalid token|token (?:is )?(?:invalid|expired)|login fail"
				+ "|access denied due to invalid subscription key|please carry the api secret key");
		message(rules, PERMISSION_DENIED, "permission denied|not allowed to (?:use|access)|forbidden|无权|没有权限");
		message(rules, CONTENT_FILTERED,
				"content management policy|content[ _]filter|content[ _]policy|safety system|flagged|moderation"
						+ "|high risk|new_sensitive|sensitive (?:content|information|words?)|inappropriate content"
						+ "|unsafe content|内容审核|敏感|不安全|违规|安全审核");
		message(rules, RATE_LIMITED,
				"rate[ _-]?limit|too many requests|resource has been exhausted|resource exhausted|tokens per min"
						+ "|requests per min|throttl|request limit reached|qps|concurrency|并发|请求过于频繁|请求频率|频率过高|限流");
		message(rules, UNAVAILABLE, "loading model|service unavailable|temporarily unavailable|bad gateway"
				+ "|no available (?:provider|server)|暂时不可用");
		message(rules, TIMEOUT, "time-?out|timed out|deadline exceeded|超时");
		message(rules, SERVER_ERROR, "internal server error|server had an error|internal error|服务器内部错误|内部错误");
	}

	/** The HTTP status (or, for in-band errors, the status the body states). */
	private static void statuses(List<Rule> rules) {
		status(rules, INVALID_REQUEST, 400, 405, 409, 415, 422);
		status(rules, AUTHENTICATION, 401);
		status(rules, INSUFFICIENT_QUOTA, 402);
		status(rules, PERMISSION_DENIED, 403);
		status(rules, MODEL_NOT_FOUND, 404);
		status(rules, TIMEOUT, 408, 504, 522, 524);
		status(rules, CONTEXT_LENGTH_EXCEEDED, 413);
		status(rules, RATE_LIMITED, 429);
		status(rules, UNAVAILABLE, 502, 503, 521, 523, 529);
	}

	/**
	 * A request that alone needs more tokens than its per-period limit: "Limit L,
	 * Requested R" with R &gt; L can never succeed by waiting.
	 */
	private static boolean exceedsLimitAlone(Signals signals) {
		if (signals.message() == null) {
			return false;
		}
		Matcher matcher = LIMIT_REQUESTED.matcher(signals.message());
		while (matcher.find()) {
			long limit = number(matcher.group(1));
			long requested = number(matcher.group(2));
			if (limit > 0 && requested > limit) {
				return true;
			}
		}
		return false;
	}

	private static long number(String digits) {
		String plain = digits.replace(",", "");
		return (plain.isEmpty() || plain.length() > 18) ? -1 : Long.parseLong(plain);
	}

	private static void code(List<Rule> rules, ErrorCategory category, String regex) {
		Pattern pattern = Pattern.compile(regex, FLAGS);
		rules.add(new Rule(category, null, s -> matches(pattern, s.code())));
	}

	private static void type(List<Rule> rules, ErrorCategory category, String regex) {
		Pattern pattern = Pattern.compile(regex, FLAGS);
		rules.add(new Rule(category, null, s -> matches(pattern, s.type())));
	}

	private static void message(List<Rule> rules, ErrorCategory category, String regex) {
		Pattern pattern = Pattern.compile(regex, FLAGS);
		rules.add(new Rule(category, null, s -> finds(pattern, s.message())));
	}

	/** A message rule that does not apply to limits per period or short waits. */
	private static void outsideWindow(List<Rule> rules, ErrorCategory category, String regex) {
		Pattern pattern = Pattern.compile(regex, FLAGS);
		rules.add(new Rule(category, null, s -> finds(pattern, s.message()) && !finds(WINDOW, s.message())));
	}

	private static void status(List<Rule> rules, ErrorCategory category, int... statuses) {
		for (int status : statuses) {
			rules.add(new Rule(category, null, s -> s.status() == status));
		}
	}

	private static boolean matches(Pattern pattern, String text) {
		return text != null && pattern.matcher(text).matches();
	}

	private static boolean finds(Pattern pattern, String text) {
		return text != null && pattern.matcher(text).find();
	}

}
