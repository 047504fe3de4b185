package org.tongxin.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins for the operator's dashboards: {@code tongxin_signins_total{outcome="success|failure|locked"}} (a
 * sudden rise of failures is guessing; of locked, an attack on named accounts). No user name in a label.
 */
@Component
class SignInMetrics {

	private final Counter success;

	private final Counter failure;

	private final Counter locked;

	SignInMetrics(MeterRegistry registry) {
		this.success = counter(registry, "success");
		this.failure = counter(registry, "failure");
		this.locked = counter(registry, "locked");
	}

	private static Counter counter(MeterRegistry registry, String outcome) {
		return Counter.builder("tongxin.signins")
			.description("Sign-in attempts by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		success.increment();
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		(event instanceof AuthenticationFailureLockedEvent ? locked : failure).increment();
	}
}
