package org.tongxin.programme.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.programme.KeyProjects;

/** Problem details for the programme and key-project APIs: a unit outside the caller's scope is refused, bad input is 400. */
@RestControllerAdvice(assignableTypes = { ProgrammeApi.class, ProjectApi.class })
class ProgrammeApiErrors {

	private final MessageSource messages;

	ProgrammeApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** A rule of key projects refused the input: the user-facing message, in the caller's language. */
	@ExceptionHandler(KeyProjects.Rejected.class)
	ProblemDetail rejected(KeyProjects.Rejected e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		problem.setProperty("code", e.key());
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail outOfScope(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}
}
