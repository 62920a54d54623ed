package io.github.relayai.error;

import java.util.ListResourceBundle;

/**
 * Simplified Chinese error hints (简体中文错误提示) for {@link Hints}.
 * <p>
 * Values are {@link java.text.MessageFormat} patterns: {@code {0}} is the model name, or
 * the wait in seconds for {@code hint.wait}.
 */
public class HintTexts_zh_CN extends ListResourceBundle {

	@Override
	protected Object[][] getContents() {
		return new Object[][] { { "model.unknown", "所请求的模型" },
				{ "hint.NON_CHAT_MODEL", "模型“{0}”不是聊天模型，/v1/chat/completions 不接受它。请改用 /v1/models 列出的聊天模型。" },
				{ "hint.NON_CHAT_MODEL.completions",
						"模型“{0}”不是聊天模型：网关提示改用 /v1/completions。除非设置 spring.ai.relay.chat.endpoint-fallback=false，Relay 会自动改走该端点。" },
				{ "hint.NON_CHAT_MODEL.responses",
						"模型“{0}”不是聊天模型：网关提示改用 /v1/responses。除非设置 spring.ai.relay.chat.endpoint-fallback=false，Relay 会自动改走该端点。" },
				{ "hint.MODEL_NOT_FOUND",
						"网关没有“{0}”对应的模型、渠道或 Worker。请选用 /v1/models 列出的模型（spring.ai.relay.chat.options.model），或请网关管理员为你的分组开通该模型。" },
				{ "hint.AUTHENTICATION", "网关拒绝了 API Key。请检查 spring.ai.relay.api-key：可能缺失、填错、已过期或已被禁用。" },
				{ "hint.PERMISSION_DENIED", "该 API Key 无权使用“{0}”或此端点。请网关管理员为你的令牌或分组授权，或改用其他模型。" },
				{ "hint.INSUFFICIENT_QUOTA", "账户或令牌的额度/余额已用尽。请充值或提高令牌额度；重试无济于事。" },
				{ "hint.RATE_LIMITED", "网关正在限流，或其上游负载已饱和。Relay 会退避重试；若持续出现，请降低请求速率或并发。" },
				{ "hint.QUEUE_FULL", "网关的请求队列已满。Relay 会稍后重试；请降低并发，若网关对流式请求排队，可改用流式。" },
				{ "hint.CONTEXT_LENGTH_EXCEEDED", "提示词加上请求的输出长度超出了“{0}”的上下文窗口。请减小 max-tokens 或提示词长度，或改用上下文更大的模型。" },
				{ "hint.CONTENT_FILTERED", "内容过滤拒绝了提示词或回答。请修改提示词；原样重发不会成功。" },
				{ "hint.INVALID_REQUEST", "网关认为请求无效。请对照网关返回的信息，检查发给“{0}”的参数（是否有它不支持的参数）。" },
				{ "hint.SERVER_ERROR", "网关或其上游内部出错。Relay 会重试；若持续出现，请把请求 ID 提供给网关运营方。" },
				{ "hint.UNAVAILABLE", "网关或其上游暂时无法处理请求。Relay 会重试；若持续出现，请检查 spring.ai.relay.base-url 与网关状态。" },
				{ "hint.TIMEOUT", "网关未能及时响应。Relay 会重试；请调大超时，或对长回答使用流式。" },
				{ "hint.UNKNOWN", "网关返回了 Relay 无法归类的错误。请阅读网关原文；如需归类，可在 spring.ai.relay.errors.rules 下添加规则。" },
				{ "hint.wait", "网关要求等待 {0} 秒后再重试。" } };
	}

}
