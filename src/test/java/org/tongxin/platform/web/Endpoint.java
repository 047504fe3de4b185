package org.tongxin.platform.web;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application as its handler mapping knows it, with the parameters its handler method
 * reads: path variables, request parameters and the fields of the objects bound from parameters
 * ({@code @ModelAttribute}, annotated or implicit). Tests built on this list cover a new endpoint the day it
 * is added.
 */
record Endpoint(RequestMethod method, String pattern, HandlerMethod handler, List<Parameter> parameters,
		boolean jsonBody, Set<String> produces) {

	enum Source {
		PATH, QUERY
	}

	record Parameter(String name, Source source, Class<?> type) {
	}

	List<Parameter> pathVariables() {
		return parameters.stream().filter(p -> p.source() == Source.PATH).toList();
	}

	@Override
	public String toString() {
		return method + " " + pattern;
	}

	static List<Endpoint> all(RequestMappingHandlerMapping mapping) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("org.tongxin")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = Set.of(RequestMethod.GET);
			}
			Set<String> produces = new java.util.TreeSet<>();
			info.getProducesCondition().getProducibleMediaTypes().forEach(type -> produces.add(type.toString()));
			List<Parameter> parameters = parameters(handler);
			boolean jsonBody = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods) {
					endpoints.add(new Endpoint(method, pattern, handler, parameters, jsonBody, produces));
				}
			}
		}
		endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return endpoints;
	}

	private static List<Parameter> parameters(HandlerMethod handler) {
		Map<String, Parameter> found = new LinkedHashMap<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			Class<?> type = parameter.getParameterType();
			PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (path != null) {
				String name = !path.name().isEmpty() ? path.name() : parameter.getParameterName();
				found.put(name, new Parameter(name, Source.PATH, type));
			}
			else if (param != null) {
				if (Map.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)) {
					continue;
				}
				String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
				if (name != null && !ValueConstants.DEFAULT_NONE.equals(name)) {
					found.put(name, new Parameter(name, Source.QUERY, type));
				}
			}
			else if (parameter.hasParameterAnnotation(ModelAttribute.class)
					|| !parameter.hasParameterAnnotations() && !BeanUtils.isSimpleProperty(type) && bindable(type)) {
				properties(type).forEach(
						(property, propertyType) -> found.putIfAbsent(property, new Parameter(property, Source.QUERY, propertyType)));
			}
			else if (!parameter.hasParameterAnnotations() && BeanUtils.isSimpleProperty(type)
					&& parameter.getParameterName() != null && !parameter.hasParameterAnnotation(RequestPart.class)) {
				found.put(parameter.getParameterName(), new Parameter(parameter.getParameterName(), Source.QUERY, type));
			}
		}
		return List.copyOf(found.values());
	}

	/** Objects Spring binds from request parameters, as opposed to what it supplies itself (request, model…). */
	private static boolean bindable(Class<?> type) {
		String name = type.getName();
		return type.getPackageName().startsWith("org.tongxin") && !name.contains("CurrentUser");
	}

	private static Map<String, Class<?>> properties(Class<?> type) {
		Map<String, Class<?>> names = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (var component : type.getRecordComponents()) {
				names.put(component.getName(), component.getType());
			}
			return names;
		}
		for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
			if (property.getWriteMethod() != null) {
				names.put(property.getName(), property.getPropertyType());
			}
		}
		for (var field : type.getDeclaredFields()) {
			if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
				names.putIfAbsent(field.getName(), field.getType());
			}
		}
		return names;
	}
}
