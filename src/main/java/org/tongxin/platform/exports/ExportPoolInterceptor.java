package org.tongxin.platform.exports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.tongxin.platform.StreamedExport;

/**
 * Sets the export mark for handlers annotated {@link StreamedExport}, before the handler runs and so before any of
 * its transactions (a controller's own {@code @Transactional} included) takes a connection; clears it when the
 * request is done, also when the handler failed.
 */
class ExportPoolInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(StreamedExport.class)) {
			ExportRoutingDataSource.markExporting();
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		ExportRoutingDataSource.clearMark();
	}
}
