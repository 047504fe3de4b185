package org.tongxin.activities;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.people.PersonId;
import org.tongxin.people.seeding.PeopleSeeding;

/**
 * What the activities tests start from: the module's facades, the demo people to register, and service calls
 * made as a signed-in account. The test classes carry {@code @PlatformTest} themselves.
 */
abstract class ActivitiesTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Activities activities;

	@Autowired
	Registrations registrations;

	@Autowired
	PeopleSeeding people;

	@Autowired
	UserDetailsService accounts;

	/** Runs {@code work} as {@code username}, signed in on this thread only. */
	<T> T as(String username, Callable<T> work) throws Exception {
		UserDetails principal = accounts.loadUserByUsername(username);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.call();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	/** Registers {@code person} for {@code event} through the API, as the signed-in {@code session}. */
	MvcTestResult registerThroughApi(MockHttpSession session, Event event, PersonId person) {
		return mvc.post()
			.uri("/api/v1/activities/events/" + event.id() + "/registrations")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"personId\": " + person.value() + "}")
			.exchange();
	}
}
