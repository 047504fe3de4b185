package org.tongxin.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tongxin.platform.tabular.CellValues.Cleaned;

class CellValuesTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"1985-03-05        | 1985-03-05",
			"1985/3/5          | 1985-03-05",
			"1985.3.5          | 1985-03-05",
			"1985年3月5日       | 1985-03-05",
			"1985 年 3 月 5 日  | 1985-03-05",
			"19850305          | 1985-03-05",
			"１９８５－０３－０５  | 1985-03-05",
			"1985.3            | 1985-03-01",
			"1985年3月          | 1985-03-01",
			"31111             | 1985-03-05",
			"31111.0           | 1985-03-05",
			"1985-03-05 00:00:00 | 1985-03-05" })
	void readsTheWaysPeopleWriteDates(String raw, LocalDate expected) {
		assertThat(CellValues.date(raw)).isEqualTo(Cleaned.ok(expected));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = {
			"1985-02-30 | tabular.date.impossible",
			"1985-13-01 | tabular.date.impossible",
			"3/5/85     | tabular.date.format",
			"明年       | tabular.date.format",
			"42         | tabular.date.format",
			"1850-01-01 | tabular.date.range" })
	void reportsDatesItCannotRead(String raw, String reason) {
		assertThat(CellValues.date(raw)).isEqualTo(Cleaned.invalid(reason));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"13812345678       | 13812345678",
			"138 1234 5678     | 13812345678",
			"138-1234-5678     | 13812345678",
			"１３８１２３４５６７８  | 13812345678",
			"+86 138 1234 5678 | 13812345678",
			"008613812345678   | 13812345678" })
	void cleansMobileNumbers(String raw, String expected) {
		assertThat(CellValues.mobile(raw)).isEqualTo(Cleaned.ok(expected));
	}

	@Test
	void refusesMobileNumbersThatAreNot() {
		assertThat(CellValues.mobile("12812345678")).isEqualTo(Cleaned.invalid("tabular.mobile.format"));
		assertThat(CellValues.mobile("010-12345678")).isEqualTo(Cleaned.invalid("tabular.mobile.format"));
		assertThat(CellValues.mobile("1.38123E+10")).isEqualTo(Cleaned.invalid("tabular.mobile.scientific"));
		assertThat(CellValues.mobile("  ")).isEqualTo(Cleaned.ok(null));
	}

	@Test
	void cleansIdNumbersAndReportsThoseExcelDestroyed() {
		assertThat(CellValues.idNumber("110105 1985 0305 002x")).isEqualTo(Cleaned.ok("11010519850305002X"));
		assertThat(CellValues.idNumber("１１０１０５１９８５０３０５００２Ｘ")).isEqualTo(Cleaned.ok("11010519850305002X"));
		assertThat(CellValues.idNumber("110105-19850305-0021")).isEqualTo(Cleaned.ok("110105198503050021"));
		assertThat(CellValues.idNumber("110105850305002")).isEqualTo(Cleaned.ok("110105850305002"));
		assertThat(CellValues.idNumber("1.10105E+17")).isEqualTo(Cleaned.invalid("tabular.id.scientific"));
		assertThat(CellValues.idNumber("1.10105198503E17")).isEqualTo(Cleaned.invalid("tabular.id.scientific"));
		assertThat(CellValues.idNumber("11010519850305")).isEqualTo(Cleaned.invalid("tabular.id.format"));
	}

	@Test
	void turnsFullWidthIntoHalfWidth() {
		assertThat(CellValues.halfWidth("　ＡＢｃ１２３（测试）　")).isEqualTo("ABc123(测试)");
		assertThat(CellValues.halfWidth(null)).isEmpty();
	}
}
