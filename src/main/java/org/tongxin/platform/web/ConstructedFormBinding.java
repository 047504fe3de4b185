package org.tongxin.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Forms and filters are records, bound through their constructor. When a value cannot be converted (a
 * tampered number or date), Spring hands the handler a BindingResult without a target (and possibly no record),
 * on which the handler's own rejections fail with a 500. Here such a binding ends in a
 * MethodArgumentNotValidException instead, which {@link ProblemAdvice} answers 400 naming the fields. A
 * record that could be constructed keeps going to the handler with its BindingResult, as before.
 */
@Component
class ConstructedFormBinding implements SmartInitializingSingleton {

	private final RequestMappingHandlerAdapter adapter;

	ConstructedFormBinding(RequestMappingHandlerAdapter adapter) {
		this.adapter = adapter;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
		boolean annotationNotRequired = false;
		// Spring registers two: first for @ModelAttribute, last for any other non-simple argument.
		for (HandlerMethodArgumentResolver resolver : java.util.Objects.requireNonNull(adapter.getArgumentResolvers())) {
			if (resolver.getClass() == ServletModelAttributeMethodProcessor.class) {
				resolvers.add(new Constructed(annotationNotRequired));
				annotationNotRequired = true;
			}
			else {
				resolvers.add(resolver);
			}
		}
		adapter.setArgumentResolvers(resolvers);
	}

	private static final class Constructed extends ServletModelAttributeMethodProcessor {

		Constructed(boolean annotationNotRequired) {
			super(annotationNotRequired);
		}

		@Override
		protected boolean isBindExceptionRequired(WebDataBinder binder, MethodParameter parameter) {
			// A conversion error during construction creates the BindingResult before the record exists, so it
			// stays without a target even when the record is built: the handler could not reject a field on it.
			return binder.getTarget() == null || binder.getBindingResult().getTarget() == null
					|| super.isBindExceptionRequired(binder, parameter);
		}
	}
}
