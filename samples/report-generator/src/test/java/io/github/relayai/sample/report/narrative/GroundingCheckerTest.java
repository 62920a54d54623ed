package io.github.relayai.sample.report.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.github.relayai.sample.report.TestData;
import io.github.relayai.sample.report.facts.Facts;
import io.github.relayai.sample.report.facts.FactsPack;
import io.github.relayai.sample.report.i18n.Lang;
import io.github.relayai.sample.report.i18n.Texts;
import io.github.relayai.sample.report.narrative.GroundingViolation.Kind;

/** The grounding check accepts what the facts pack says and rejects anything invented. */
class GroundingCheckerTest {

	private final GroundingChecker checker = new GroundingChecker();

	@ParameterizedTest
	@ValueSource(strings = { "data/acme-bank/2026-10", "data/demo-hospital/2026-10" })
	void offlineNarrativeIsGroundedInBothLanguages(String folder) {
		Facts facts = TestData.facts(Path.of(folder));
		for (Lang lang : Lang.values()) {
			Texts texts = new Texts(lang);
			FactsPack pack = FactsPack.of(facts, texts);
			Narrative n = new OfflineNarrativeWriter().write(facts, pack, texts).narrative();
			assertThat(checker.check(n, pack)).as(lang.code()).isEmpty();
		}
	}

	@Test
	void acceptsFactsWrittenDifferently() {
		FactsPack pack = acmePack();
		Narrative n = narrative("本月告警4,328条（即4328条），环比增长13.9%，高危及以上145条；2026年10月共巡检8台设备，"
				+ "内网主机10.10.3.15疑似失陷，规则IPS-30077于10月12日触发，阻断率98.9%。", citeAllHighRisk(pack));
		assertThat(checker.check(n, pack)).isEmpty();
	}

	@Test
	void rejectsAnInventedNumberPercentageIpDateCveAndRuleId() {
		FactsPack pack = acmePack();
		Narrative n = narrative("本月告警4,329条，环比增长14.2%，来自203.0.113.99的攻击，2026-10-15发现CVE-2024-3094，" + "规则WAF-999999。",
				citeAllHighRisk(pack));
		assertThat(checker.check(n, pack)).extracting(GroundingViolation::kind, GroundingViolation::token)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.NUMBER, "4,329"),
					org.assertj.core.groups.Tuple.tuple(Kind.PERCENT, "14.2%"),
					org.assertj.core.groups.Tuple.tuple(Kind.IP, "203.0.113.99"),
					org.assertj.core.groups.Tuple.tuple(Kind.DATE, "2026-10-15"),
					org.assertj.core.groups.Tuple.tuple(Kind.CVE, "CVE-2024-3094"),
					org.assertj.core.groups.Tuple.tuple(Kind.RULE_ID, "WAF-999999"));
	}

	@Test
	void rejectsUnknownFactIdsUncitedHighRiskFactsAndBadPriorities() {
		FactsPack pack = acmePack();
		List<String> cited = new ArrayList<>(citeAllHighRisk(pack));
		String dropped = cited.remove(0);
		cited.add("F999");
		Narrative n = new Narrative("见F998。", List.of(new Narrative.Finding(cited, "t", "a")),
				List.of(new Narrative.Recommendation("P9", "a", List.of())), List.of());
		assertThat(checker.check(n, pack)).extracting(GroundingViolation::kind, GroundingViolation::token)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN_FACT_ID, "F998"),
					org.assertj.core.groups.Tuple.tuple(Kind.UNKNOWN_FACT_ID, "F999"),
					org.assertj.core.groups.Tuple.tuple(Kind.BAD_PRIORITY, "P9"),
					org.assertj.core.groups.Tuple.tuple(Kind.UNCITED_HIGH_RISK_FACT, dropped));
	}

	private static FactsPack acmePack() {
		return FactsPack.of(TestData.facts(TestData.ACME), new Texts(Lang.ZH));
	}

	private static List<String> citeAllHighRisk(FactsPack pack) {
		return pack.highRisk().stream().map(f -> f.id()).toList();
	}

	private static Narrative narrative(String summary, List<String> cited) {
		return new Narrative(summary, List.of(new Narrative.Finding(cited, "标题", "分析")),
				List.of(new Narrative.Recommendation("P1", "处置", cited)), List.of("计划"));
	}

}
