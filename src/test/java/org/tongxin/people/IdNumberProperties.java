package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** GB 11643: generated numbers pass; a change of any single character is caught by the check character. */
class IdNumberProperties {

	@Provide
	Arbitrary<IdNumber> idNumbers() {
		return IdNumberArbitraries.idNumbers();
	}

	@Property
	void generatedNumbersAreValid(@ForAll("idNumbers") IdNumber id) {
		assertThat(IdNumber.valid(id.value())).isTrue();
		assertThat(IdNumber.parse(id.value())).contains(id);
		assertThat(IdNumber.parse(id.value().toLowerCase())).contains(id);
	}

	@Property
	void anySingleCharacterChangeFails(@ForAll("idNumbers") IdNumber id, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll @IntRange(min = 1, max = 10) int shift) {
		String alphabet = position == 17 ? "0123456789X" : "0123456789";
		char original = id.value().charAt(position);
		int index = alphabet.indexOf(original);
		char changed = alphabet.charAt((index + shift) % alphabet.length());
		if (changed == original) {
			return;
		}
		String altered = id.value().substring(0, position) + changed + id.value().substring(position + 1);
		assertThat(IdNumber.valid(altered)).as(altered).isFalse();
	}

	@Property
	void sexAndBirthDateComeFromTheNumber(@ForAll("idNumbers") IdNumber id) {
		assertThat(id.sex()).isEqualTo((id.value().charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F);
		assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(id.value().substring(6, 14));
	}

	@Example
	void legacyFifteenDigitNumbersAreConverted() {
		// 15 digits: area 110105, born 1980-01-01 (yymmdd), sequence 001 (odd: a man).
		IdNumber id = IdNumber.parse("110105800101001").orElseThrow();
		assertThat(id.value()).startsWith("11010519800101001").hasSize(18);
		assertThat(IdNumber.valid(id.value())).isTrue();
		assertThat(id.sex()).isEqualTo(Sex.M);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
	}

	@Example
	void aLowerCaseXIsNormalised() {
		String first17 = "11010519491231002";
		assertThat(IdNumber.checkCharacter(first17)).isEqualTo('X');
		assertThat(IdNumber.parse(" " + first17 + "x ")).map(IdNumber::value).contains(first17 + "X");
	}

	@Example
	void impossibleDatesAndFutureBirthsFail() {
		assertThat(IdNumber.parse("110105198002301234")).isEmpty();
		String future = "11010520991231001";
		assertThat(IdNumber.valid(future + IdNumber.checkCharacter(future))).isFalse();
		assertThat(IdNumber.parse("abc")).isEmpty();
	}

	@Example
	void theMaskShowsNoCharacterOfTheNumber() {
		assertThat(IdNumber.parse("11010519491231002X").orElseThrow().masked()).isEqualTo("******************");
	}
}
