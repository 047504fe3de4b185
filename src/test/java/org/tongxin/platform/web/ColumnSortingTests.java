package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Lists sort by their main columns (fragments/sort.html, platform.SortOrder) and still page by keyset: walking
 * every page of a sorted list gives each row once, in the database's order of (column, id); the header links keep
 * the filters and start the list again; a key the list does not know is ignored; a cursor naming a row outside
 * the caller's scope gives nothing away.
 */
@PlatformTest
class ColumnSortingTests {

	private static final Pattern ORGANISATION_ROW = Pattern.compile("<td class=\"text-nowrap\"><a href=\"/organisations/(\\d+)\"");

	private static final Pattern PERSON_ROW = Pattern.compile("<td class=\"text-nowrap\"><a href=\"/people/(\\d+)\"");

	/** 成都's persons: a city's registry, short enough for its headers to sort and long enough for pages. */
	private static final String IN_CHENGDU = """
			p.anonymised_at is null and p.merged_into is null
			and p.unit_id in (select id from platform_unit where path <@ '1.510000.510100')""";

	private static final Pattern EVENT_ROW = Pattern.compile("<tr[^>]*>\\s*<td[^>]*><a href=\"/activities/events/(\\d+)\"");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPageOfTheSortedOrganisationsFollowsTheDatabasesOrderOnceEach() {
		MockHttpSession central = SignIn.as(mvc, "central");
		List<Long> expected = jdbc.sql("select id from org_organisation where dissolved_on is null order by name, id")
			.query(Long.class)
			.list();
		assertThat(expected).hasSizeGreaterThan(20);

		assertThat(walk(central, "/organisations?sort=name&size=20", ORGANISATION_ROW)).isEqualTo(expected);
		assertThat(walk(central, "/organisations?sort=-name&size=20", ORGANISATION_ROW))
			.isEqualTo(expected.reversed());
		List<Long> byMembers = jdbc
			.sql("select id from org_organisation where dissolved_on is null order by party_members desc, id desc")
			.query(Long.class)
			.list();
		assertThat(walk(central, "/organisations?sort=-partyMembers&size=20", ORGANISATION_ROW)).isEqualTo(byMembers);
	}

	@Test
	void theSortedEventsFollowTheDatabasesOrderWithinTheScope() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		List<Long> expected = jdbc.sql("""
				select e.id from act_event e join platform_unit u on u.id = e.unit_id
				where u.path <@ (select path from platform_unit where id = 510100) order by e.starts_at, e.id""")
			.query(Long.class)
			.list();
		assertThat(expected).isNotEmpty();
		assertThat(walk(chengdu, "/activities/events?sort=time&size=20", EVENT_ROW)).isEqualTo(expected);
	}

	@Test
	void theHeaderLinksKeepTheFiltersDropTheCursorAndTurnTheOrder() {
		MockHttpSession central = SignIn.as(mvc, "central");
		String page = body(mvc.get().uri(URI.create("/organisations?q=%E4%BC%9A&size=50&before=999999")).session(central).exchange());
		assertThat(page).contains("href=\"/organisations?q=%E4%BC%9A&amp;size=50&amp;sort=name\"");

		String sorted = body(mvc.get().uri(URI.create("/organisations?q=%E4%BC%9A&sort=name")).session(central).exchange());
		assertThat(sorted.split("aria-sort=", -1)).as("one sortable header each for name, kind and party members")
			.hasSize(4);
		assertThat(sorted).contains("aria-sort=\"ascending\"")
			.contains("href=\"/organisations?q=%E4%BC%9A&amp;sort=-name\"");
	}

	@Test
	void aKeyTheListDoesNotKnowIsIgnored() {
		MockHttpSession central = SignIn.as(mvc, "central");
		List<Long> standard = ids(body(mvc.get().uri("/programme/sites").session(central).exchange()), Pattern
			.compile("<a href=\"/programme/sites/(\\d+)\""));
		MvcTestResult odd = mvc.get()
			.uri(URI.create("/programme/sites?sort=name%3Bdrop%20table%20programme_site"))
			.session(central)
			.exchange();
		assertThat(odd).hasStatusOk();
		assertThat(ids(body(odd), Pattern.compile("<a href=\"/programme/sites/(\\d+)\""))).isEqualTo(standard);
	}

	@Test
	void aCursorOutsideTheScopeContinuesNothing() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		// The first name outside 成都: without the scope on the cursor's row, 成都's organisations after it would show.
		long elsewhere = jdbc.sql("""
				select o.id from org_organisation o join platform_unit u on u.id = o.unit_id
				where not u.path <@ (select path from platform_unit where id = 510100) order by o.name, o.id limit 1""")
			.query(Long.class)
			.single();
		assertThat(walk(chengdu, "/organisations?sort=name&size=100", ORGANISATION_ROW)).isNotEmpty();

		MvcTestResult page = mvc.get()
			.uri("/organisations?sort=name&before=" + elsewhere)
			.session(chengdu)
			.exchange();

		assertThat(page).hasStatusOk();
		assertThat(ids(body(page), ORGANISATION_ROW)).isEmpty();
	}

	@Test
	void aCitysPersonListSortsByNameAndEmployerPageByPageOnceEach() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		List<Long> byName = jdbc.sql("select p.id from people_person p where " + IN_CHENGDU + " order by p.name, p.id")
			.query(Long.class)
			.list();
		assertThat(byName).hasSizeBetween(201, 10_000);

		assertThat(walk(chengdu, "/people?sort=name&size=100", PERSON_ROW)).isEqualTo(byName);
		assertThat(walk(chengdu, "/people?sort=-name&size=100", PERSON_ROW)).isEqualTo(byName.reversed());
		List<Long> byEmployer = jdbc
			.sql("select p.id from people_person p where " + IN_CHENGDU + " order by coalesce(p.employer, '') desc, p.id desc")
			.query(Long.class)
			.list();
		assertThat(walk(chengdu, "/people?sort=-employer&size=100", PERSON_ROW)).isEqualTo(byEmployer);

		String page = body(mvc.get().uri("/people").session(chengdu).exchange());
		assertThat(page).contains("href=\"/people?sort=name\"").contains("href=\"/people?sort=employer\"");
	}

	@Test
	void aPersonListTooLongToSortSaysSoAndKeepsItsOwnOrder() {
		MockHttpSession central = SignIn.as(mvc, "central");
		long everyone = jdbc.sql("select count(*) from people_person p where p.anonymised_at is null and p.merged_into is null")
			.query(Long.class)
			.single();
		assertThat(everyone).as("the centre's registry is longer than a sortable list").isGreaterThan(10_000);

		String unsorted = body(mvc.get().uri("/people").session(central).exchange());
		String asked = body(mvc.get().uri("/people?sort=name").session(central).exchange());

		assertThat(asked).contains("按列排序只用于不超过 10,000 人的名单");
		assertThat(ids(asked, PERSON_ROW)).isEqualTo(ids(unsorted, PERSON_ROW)).isNotEmpty();
		assertThat(unsorted).doesNotContain("sort=name").contains("列表筛选到 10,000 条以内后可按此列排序");
	}

	@Test
	void aPersonCursorOutsideTheScopeContinuesNothing() {
		MockHttpSession yuzhong = SignIn.as(mvc, "yuzhong");
		long elsewhere = jdbc.sql("""
				select p.id from people_person p where p.anonymised_at is null
				and p.unit_id in (select id from platform_unit where path <@ '1.440000.440300') order by p.name, p.id limit 1""")
			.query(Long.class)
			.single();

		MvcTestResult page = mvc.get().uri("/people?sort=name&before=" + elsewhere).session(yuzhong).exchange();

		assertThat(page).hasStatusOk();
		assertThat(ids(body(page), PERSON_ROW)).isEmpty();
	}

	/** The ids of every page of a list, following its next-page links. */
	private List<Long> walk(MockHttpSession session, String first, Pattern row) {
		List<Long> ids = new ArrayList<>();
		String next = first;
		for (int pages = 0; next != null; pages++) {
			assertThat(pages).as("pages walked").isLessThan(500);
			MvcTestResult page = mvc.get().uri(URI.create(next)).session(session).exchange();
			assertThat(page).hasStatusOk();
			String body = body(page);
			ids.addAll(ids(body, row));
			Matcher anchor = Pattern.compile("<a\\b[^>]*\\bid=\"next-page\"[^>]*\\bhref=\"([^\"]+)\"").matcher(body);
			next = anchor.find() ? anchor.group(1).replace("&amp;", "&") : null;
		}
		return ids;
	}

	private static List<Long> ids(String body, Pattern row) {
		List<Long> ids = new ArrayList<>();
		Matcher m = row.matcher(body);
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	private static String body(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}
}
