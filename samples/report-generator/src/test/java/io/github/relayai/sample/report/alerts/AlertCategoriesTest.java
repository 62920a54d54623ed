package io.github.relayai.sample.report.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The category table: vendor wording in Chinese and English codes to canonical classes;
 * unknown wording stays unknown; a client's keywords win.
 */
class AlertCategoriesTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "UNKNOWN", textBlock = """
			挖矿木马                     | mining
			矿池通信                     | mining
			门罗币挖矿                   | mining
			Trojan.CoinMiner            | mining
			远控木马                     | c2
			木马回连                     | c2
			僵尸网络                     | c2
			C&C通信                      | c2
			NETWORK_COMMAND_AND_CONTROL | c2
			勒索病毒                     | malware
			蠕虫病毒                     | malware
			间谍软件                     | malware
			virus                       | malware
			Webshell上传                 | webshell
			一句话木马                   | webshell
			Web攻击-SQL注入              | sql_injection
			sql_injection               | sql_injection
			SQL Injection               | sql_injection
			ＳＱＬ注入                    | sql_injection
			跨站脚本攻击                 | xss
			命令执行                     | command_injection
			远程命令执行                 | command_injection
			远程代码执行                 | rce
			目录穿越                     | path_traversal
			文件包含                     | file_inclusion
			反序列化漏洞                 | deserialization
			漏洞利用                     | exploit
			溢出攻击                     | exploit
			攻击利用                     | exploit
			vulnerability               | exploit
			端口扫描                     | scan
			扫描探测                     | scan
			漏洞扫描                     | scan
			scan                        | scan
			暴力破解                     | brute_force
			SSH口令猜解                  | brute_force
			DOS攻击                      | dos
			SYN Flood                   | dos
			拒绝服务                     | dos
			违规操作                     | policy_violation
			非法外联                     | policy_violation
			Windows更新                  | UNKNOWN
			自定义情报告警               | UNKNOWN
			其他                         | UNKNOWN
			""")
	void mapsVendorWordingToItsClass(String category, String expected) {
		assertThat(AlertCategories.builtIn().classify(category).orElse(null)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			自定义情报告警     | c2
			某厂商自定义挖矿规则 | mining
			端口扫描           | scan
			""")
	void aClientsKeywordsExtendTheTable(String category, String expected) {
		AlertCategories categories = AlertCategories.withClientKeywords(Map.of("自定义情报", "c2", "自定义挖矿", "mining"));
		assertThat(categories.classify(category)).hasValue(expected);
	}

}
