package org.tongxin.organisations.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.organisations.Rejected;

/**
 * Problem details for the organisations API: a unit outside the caller's scope is 403, a rule that refused
 * the input is 400 with the field and the message in the caller's language.
 */
@RestControllerAdvice(assignableTypes = OrganisationsApi.class)
class OrganisationsApiErrors {

	private final MessageSource messages;

	OrganisationsApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Rejected.class)
	ProblemDetail rejected(Rejected e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.key(), null, e.key(), locale));
		problem.setProperty("code", e.key());
		if (e.field() != null) {
			problem.setProperty("field", e.field());
		}
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
