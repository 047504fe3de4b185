package org.tongxin.people.dedupe;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener} is asynchronous only with async processing on; without it, detection
 * would run inside the request that saved the person.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class DedupeConfiguration {
}
