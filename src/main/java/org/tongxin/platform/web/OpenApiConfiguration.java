package org.tongxin.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description at /swagger-ui.html: personal tokens as the way in for other systems. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI tongxinApi() {
		return new OpenAPI()
			.info(new Info().title("同心 Tongxin API")
				.version("v1")
				.description("""
						Every call runs with the caller's permissions and data scope (their unit and below).
						Authenticate with a personal token (我的 → API 令牌) as `Authorization: Bearer tx_…`,
						or with the browser session (then send the CSRF token on POST/PUT)."""))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"))
			// Relative: springdoc would otherwise describe the server as the request's Host header.
			.addServersItem(new Server().url("/").description("Tongxin"));
	}
}
