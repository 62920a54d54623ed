package io.github.relayai.error;

import java.util.ListResourceBundle;

/**
 * Simplified Chinese error hints (简体中文错误提示) for {@link Hints}.
 * <p>
 * Values are {@link java.text.MessageFormat} patterns: {@code {0}} is the model name, or
 * the wait in seconds for {@code hint.wait}; in {@code transport.*} {@code {0}} is the
 * URL and {@code {1}} what the JDK said. {@code hint.transport.*} are plain text.
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
				{ "hint.CONTEXT_LENGTH_EXCEEDED.per-minute",
						"单个请求所需的 token 已超过“{0}”每分钟的 token 上限，等待重试不会成功。请缩短输入或 max-tokens，或提升账户等级/限额。" },
				{ "hint.MODEL_NOT_FOUND.group",
						"网关在此 API Key 所属分组下没有可用于“{0}”的渠道，这不是暂时性故障。请检查模型名（spring.ai.relay.chat.options.model），或请网关管理员为你的分组开通该模型，或把令牌换到有该模型的分组。" },
				{ "target.unknown", "网关" }, { "transport.CONNECTION_REFUSED", "连接 {0} 被拒绝：该主机和端口上没有服务接受连接。" },
				{ "transport.UNKNOWN_HOST", "{0} 中的主机名无法解析（未知主机）。" },
				{ "transport.TLS_HANDSHAKE", "与 {0} 的 TLS 握手失败：{1}" }, { "transport.PROXY_REFUSED", "代理拒绝连接到 {0}：{1}" },
				{ "transport.CONNECT_TIMEOUT", "连接 {0} 超时：主机未在连接超时时间内接受连接。" },
				{ "hint.transport.CONNECTION_REFUSED",
						"请启动网关，或修正 spring.ai.relay.base-url 中的主机和端口（若使用代理，还请检查 spring.ai.relay.proxy）。Relay 会重试。" },
				{ "hint.transport.UNKNOWN_HOST",
						"请检查 spring.ai.relay.base-url 中的主机名是否拼写正确，以及本机的 DNS（或 VPN）能否解析它。Relay 会重试。" },
				{ "hint.transport.TLS_HANDSHAKE",
						"若网关只提供 HTTP，请在 spring.ai.relay.base-url 中使用 http://；否则请确认本 JVM 信任网关的证书并支持其 TLS 版本。Relay 会重试。" },
				{ "hint.transport.PROXY_REFUSED", "请检查 spring.ai.relay.proxy（主机、端口、凭据），并确认代理允许连接网关的主机和端口。Relay 会重试。" },
				{ "hint.transport.CONNECT_TIMEOUT",
						"请确认本机能访问该主机（防火墙、VPN、代理）；若网络较慢，请调大 spring.ai.relay.connect-timeout。Relay 会重试。" },
				{ "hint.wait", "网关要求等待 {0} 秒后再重试。" } };
	}

}
