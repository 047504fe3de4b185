package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.tongxin.people.internal.Masks;
import org.tongxin.people.internal.PersonRow;

/**
 * Issue 9, item 1: everything a viewer without people:reveal gets of a person — the list row, the person's
 * page and API record, the export row, all three taken from the registry's own mapping — leaves at least
 * 1 000 000 ID numbers. Conservatively the viewer knows the region (the first six digits) and the sex (it is
 * shown); the candidates are then the birth dates consistent with what is shown (up to today) times the
 * sequence numbers of that sex, each with its check character, that match every character the masks show.
 */
class MaskProperties {

	/** The earliest birth the count considers: conservative, a real viewer would also rule out the very old. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	@Provide
	Arbitrary<IdNumber> idNumbers() {
		return IdNumberArbitraries.idNumbers();
	}

	@Property(tries = 200)
	void whatAViewerWithoutRevealSeesLeavesAMillionIdNumbers(@ForAll("idNumbers") IdNumber id) {
		PersonRow row = row(id);
		Function<byte[], String> decrypt = bytes -> new String(bytes, StandardCharsets.UTF_8);
		PersonSummary listed = PeopleRegistry.summary(row, "成都市 / 锦江区", decrypt, false, java.time.LocalDate.now());
		Person shown = PeopleRegistry.person(row, "成都市 / 锦江区", decrypt, false, java.time.LocalDate.now());
		ExportedPerson exported = PeopleRegistry.exported(row, "成都市 / 锦江区", decrypt, false, java.time.LocalDate.now());

		Visible visible = new Visible(id.value().substring(0, 6), shown.sex());
		visible.birth(listed.birthDate(), listed.birthDecade());
		visible.birth(shown.birthDate(), shown.birthDecade());
		visible.birth(exported.person().birthDate(), exported.person().birthDecade());
		visible.mask(shown.idNumberMasked());
		visible.mask(exported.idNumber());
		visible.mask(exported.person().idNumberMasked());

		assertThat(visible.candidates(Masks.MIN_CANDIDATES)).as("candidates for %s", id.value())
			.isGreaterThanOrEqualTo(Masks.MIN_CANDIDATES);
		// The count is not vacuous: the real number is always among the candidates.
		assertThat(visible.consistent(id.value())).isTrue();
	}

	@Property(tries = 50)
	void aRevealerSeesTheBirthDateWhichAloneLeavesFewNumbers(@ForAll("idNumbers") IdNumber id) {
		// The counterpart that shows the count can fail: the birth date in clear leaves only 500 numbers.
		Person shown = PeopleRegistry.person(row(id), "成都市", bytes -> new String(bytes, StandardCharsets.UTF_8), true,
				java.time.LocalDate.now());
		Visible visible = new Visible(id.value().substring(0, 6), shown.sex());
		visible.birth(shown.birthDate(), shown.birthDecade());
		visible.mask(shown.idNumberMasked());
		assertThat(visible.candidates(Masks.MIN_CANDIDATES)).isEqualTo(500);
	}

	static PersonRow row(IdNumber id) {
		byte[] clearId = id.value().getBytes(StandardCharsets.UTF_8);
		byte[] phone = "13912345678".getBytes(StandardCharsets.UTF_8);
		Instant now = Instant.now();
		return new PersonRow(1, 510104, "510100", "测试", id.sex().name(), id.birthDate(), "01", clearId, phone,
				null, "BACHELOR", "MASSES", null, null, "NEW_MEDIA", null, "单位", "职务", null, null, List.of(), null,
				"CONSENT", "GIVEN", now, now, 0, null);
	}

	/** What the views showed, combined. */
	static final class Visible {

		final String region;

		final @Nullable Sex sex;

		@Nullable LocalDate birthDate;

		@Nullable Integer decade;

		final List<String> masks = new ArrayList<>();

		Visible(String region, @Nullable Sex sex) {
			this.region = region;
			this.sex = sex;
		}

		void birth(@Nullable LocalDate date, @Nullable Integer decade) {
			if (date != null) {
				this.birthDate = date;
			}
			if (decade != null) {
				this.decade = decade;
			}
		}

		void mask(@Nullable String mask) {
			if (mask != null) {
				masks.add(mask);
			}
		}

		/** Candidate numbers, counted until {@code enough}. */
		long candidates(long enough) {
			long count = 0;
			char[] candidate = new char[18];
			region.getChars(0, 6, candidate, 0);
			java.nio.CharBuffer first17 = java.nio.CharBuffer.wrap(candidate, 0, 17);
			for (LocalDate date = EARLIEST; !date.isAfter(LocalDate.now()); date = date.plusDays(1)) {
				if (birthDate != null && !birthDate.equals(date) || decade != null && date.getYear() / 10 * 10 != decade) {
					continue;
				}
				String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth())
					.getChars(0, 8, candidate, 6);
				for (int sequence = 0; sequence < 1000; sequence++) {
					candidate[14] = (char) ('0' + sequence / 100);
					candidate[15] = (char) ('0' + sequence / 10 % 10);
					candidate[16] = (char) ('0' + sequence % 10);
					first17.rewind();
					candidate[17] = IdNumber.checkCharacter(first17);
					if (consistent(new String(candidate)) && ++count >= enough) {
						return count;
					}
				}
			}
			return count;
		}

		boolean consistent(String candidate) {
			if (sex != null && ((candidate.charAt(16) - '0') % 2 == 1 ? Sex.M : Sex.F) != sex) {
				return false;
			}
			for (String mask : masks) {
				// Every ID mask keeps the number's shape, so that each shown character says which digit it is.
				assertThat(mask).hasSize(candidate.length());
				for (int i = 0; i < mask.length(); i++) {
					if (mask.charAt(i) != '*' && mask.charAt(i) != candidate.charAt(i)) {
						return false;
					}
				}
			}
			return true;
		}
	}
}
